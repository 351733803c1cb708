package org.alliance.app.privacy;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Everything Alliance keeps about one client, as the client gets it on request (GDPR art. 15 and 20): the meetings,
 * every check-in the client gave with each question, answer and score, the professionals' own ratings of the
 * client's meetings, what the professional noted about discussing the client's feedback, and how many rows of every
 * kind are stored ({@link ClientErasure}'s kinds, so nothing is left
 * out unnamed). In the language asked for; the JSON keys are the stable contract (snake_case).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientData(
        String alias,
        String reference,
        String organisation,
        String language,
        String generatedAt,
        String software,
        List<MeetingData> meetings,
        List<Answered> checkIns,
        List<Answered> ratingsByProfessionals,
        List<DiscussedData> feedbackDiscussed,
        Map<String, Long> storedRows) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MeetingData(String date, String kind) {}

    /** One questionnaire answered about one meeting. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Answered(
            String meetingDate,
            String questionnaire,
            String questionnaireId,
            String version,
            String perspective,
            String submittedAt,
            String release,
            List<AnswerData> answers,
            List<ScoreData> scores) {}

    /** @param answer the answer's label where the question has labelled answers, else the number */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AnswerData(String item, String question, Double value, String answer) {}

    /**
     * What the professional noted after a meeting about one signal of the client's answers (issue 17): whether the
     * feedback was discussed and, if they wrote it, what changed. It is about the client, so it is the client's too.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DiscussedData(
            String meetingDate,
            String signal,
            boolean discussed,
            @org.jspecify.annotations.Nullable String whatChanged,
            String recordedAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScoreData(String scale, Double score, int answered, int items, String rule) {}
}
