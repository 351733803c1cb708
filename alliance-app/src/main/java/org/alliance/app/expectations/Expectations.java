package org.alliance.app.expectations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.core.expectations.ExpectationItem;
import org.alliance.core.expectations.Occasion;
import org.alliance.core.expectations.RevisitMoment;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores and reads the expectations of both sides. A client's answers are stored in the transaction of the check-in
 * they came with and carry its release choice and submit time, so the one release rule shows them exactly when it
 * shows the check-in. A professional's own are released to the client's professional at once, like their rating.
 */
@Repository
class Expectations {

    static final String CLIENT = "client";
    static final String PROFESSIONAL = "professional";

    /** One item's answer: the level (1–5) and the short text, each possibly absent. */
    record Answer(@Nullable Integer level, String text) {}

    /** One side's answers at one occasion, as stored. */
    record Stored(
            long id,
            long meetingId,
            LocalDate meetingDate,
            String perspective,
            Occasion occasion,
            ReleaseChoice release,
            Instant submittedAt,
            Map<ExpectationItem, Answer> answers) {}

    /** Where a client's meetings stand for the expectations: the meetings in order and which is the revisit. */
    record Schedule(List<Meeting> meetings, RevisitMoment moment, Optional<Integer> revisitIndex) {

        Optional<Meeting> intake() {
            return meetings.isEmpty() ? Optional.empty() : Optional.of(meetings.get(0));
        }

        Optional<Meeting> revisit() {
            return revisitIndex.map(meetings::get);
        }

        List<LocalDate> dates() {
            return meetings.stream().map(Meeting::date).toList();
        }

        Optional<Occasion> occasionOf(long meetingId) {
            for (int i = 0; i < meetings.size(); i++) {
                if (meetings.get(i).id() == meetingId) {
                    return moment.occasionAt(dates(), i);
                }
            }
            return Optional.empty();
        }

        Optional<Meeting> meetingOf(Occasion occasion) {
            return occasion == Occasion.INTAKE ? intake() : revisit();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Caseload caseload;
    private final ExpectationSettings settings;
    private final Clock clock;

    Expectations(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Caseload caseload,
            ExpectationSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.caseload = caseload;
        this.settings = settings;
        this.clock = clock;
    }

    Schedule schedule(long organisationId, long clientId) {
        List<Meeting> meetings = caseload.meetings(clientId);
        RevisitMoment moment = settings.of(organisationId);
        return new Schedule(
                meetings,
                moment,
                moment.revisitIndex(meetings.stream().map(Meeting::date).toList()));
    }

    /**
     * Stores the client's answers with the check-in just stored through {@code invitationId}, in the caller's
     * transaction: the check-in's release choice and submit time are copied from its row.
     */
    void storeClient(
            long invitationId,
            long clientId,
            long meetingId,
            Occasion occasion,
            ExpectationForm form,
            Language language) {
        if (form.empty()) {
            return;
        }
        record CheckIn(long id, String release, long submittedAt) {}
        CheckIn checkIn = jdbc.sql("SELECT id, release_choice, submitted_at FROM check_in WHERE invitation_id = ?")
                .param(invitationId)
                .query((rs, row) -> new CheckIn(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .single();
        long id = jdbc.sql(
                        """
                        INSERT INTO expectation_answer (client_id, meeting_id, perspective, occasion, check_in_id,
                                                        author_id, release_choice, language, idempotency_key,
                                                        submitted_at)
                        VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?) RETURNING id""")
                .params(
                        clientId,
                        meetingId,
                        CLIENT,
                        occasion.name(),
                        checkIn.id(),
                        checkIn.release(),
                        language.code(),
                        "check-in-" + checkIn.id(),
                        checkIn.submittedAt())
                .query(Long.class)
                .single();
        insertItems(id, form);
    }

    /** What became of a professional's form. */
    enum Outcome {
        SAVED,
        /** This very form was stored before (a double click, a reload). */
        ALREADY_SAVED
    }

    /** The professional's own answers, released to the client's professional at once. */
    Outcome storeProfessional(
            long clientId,
            long meetingId,
            long authorId,
            Occasion occasion,
            ExpectationForm form,
            Language language,
            String idempotencyKey) {
        try {
            return transactions.execute(status -> {
                if (exists(idempotencyKey)) {
                    return Outcome.ALREADY_SAVED;
                }
                long id = jdbc.sql(
                                """
                                INSERT INTO expectation_answer (client_id, meeting_id, perspective, occasion,
                                                                check_in_id, author_id, release_choice, language,
                                                                idempotency_key, submitted_at)
                                VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(
                                clientId,
                                meetingId,
                                PROFESSIONAL,
                                occasion.name(),
                                authorId,
                                ReleaseChoice.NOW.name(),
                                language.code(),
                                idempotencyKey,
                                clock.millis())
                        .query(Long.class)
                        .single();
                insertItems(id, form);
                return Outcome.SAVED;
            });
        } catch (DuplicateKeyException e) {
            // The same form twice at once: the UNIQUE key refused the second, whose transaction rolled back whole.
            if (exists(idempotencyKey)) {
                return Outcome.ALREADY_SAVED;
            }
            throw e;
        }
    }

    private boolean exists(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM expectation_answer WHERE idempotency_key = ?")
                        .param(idempotencyKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void insertItems(long answerId, ExpectationForm form) {
        for (ExpectationItem item : ExpectationItem.values()) {
            Integer level = form.levels().get(item);
            String text = form.texts().get(item);
            if (level == null && text == null) {
                continue;
            }
            jdbc.sql("INSERT INTO expectation_item (answer_id, item_id, level, text_value) VALUES (?, ?, ?, ?)")
                    .params(answerId, item.code(), level, text)
                    .update();
        }
    }

    /** All of a client's expectation answers, oldest first (submit time, then id), with the meeting's date. */
    List<Stored> of(long clientId) {
        Map<Long, Map<ExpectationItem, Answer>> items = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT i.answer_id, i.item_id, i.level, i.text_value FROM expectation_item i
                        JOIN expectation_answer a ON a.id = i.answer_id WHERE a.client_id = ?""")
                .param(clientId)
                .query(rs -> {
                    int level = rs.getInt(3);
                    Integer shown = rs.wasNull() ? null : level;
                    String text = rs.getString(4);
                    long answerId = rs.getLong(1);
                    ExpectationItem.fromCode(rs.getString(2)).ifPresent(item -> items.computeIfAbsent(
                                    answerId, k -> new EnumMap<>(ExpectationItem.class))
                            .put(item, new Answer(shown, text == null ? "" : text)));
                });
        return jdbc.sql(
                        """
                        SELECT a.id, a.meeting_id, m.meeting_date, a.perspective, a.occasion, a.release_choice,
                               a.submitted_at
                        FROM expectation_answer a JOIN meeting m ON m.id = a.meeting_id
                        WHERE a.client_id = ? ORDER BY a.submitted_at, a.id""")
                .param(clientId)
                .query((rs, row) -> new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        LocalDate.parse(rs.getString(3)),
                        rs.getString(4),
                        Occasion.valueOf(rs.getString(5)),
                        ReleaseChoice.valueOf(rs.getString(6)),
                        Instant.ofEpochMilli(rs.getLong(7)),
                        items.getOrDefault(rs.getLong(1), Map.of())))
                .list();
    }
}
