package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.coding.Codings;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.research.Studies;
import org.alliance.app.research.Study;
import org.alliance.app.research.TestStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every endpoint as every role, anonymously, and with a used, an expired and an unknown token: the status each
 * one must get. A professional asking for another professional's client gets 404, as if it did not exist.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;
    private TestWorld world;
    private String usedToken;
    private String expiredToken;
    private long codingSession;
    private long researcherSession;
    private long joint;
    private CurrentUser outsider;
    private long study;
    private long unassignedStudy;
    private long practiceStudy;
    private final AtomicInteger address = new AtomicInteger(1);

    enum Who {
        ANONYMOUS,
        PROFESSIONAL,
        OTHER_PROFESSIONAL,
        TEAM_LEAD,
        RESEARCHER,
        ADMIN
    }

    @BeforeAll
    void setUp() throws Exception {
        mvc = TestWorld.mvc(context);
        world = new TestWorld(context);
        IssuedInvitation used = world.invite("alliance-client");
        usedToken = used.token();
        int status = mvc.perform(
                        TestWorld.oneAnswer(usedToken, "access-" + world.suffix).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(302);
        expiredToken = world.expiredInvitation().token();
        Codings codings = context.getBean(Codings.class);
        codingSession = codings.openSession(world.meeting, world.professional.id());
        researcherSession = codings.openSession(world.meeting, world.researcher.id());
        // A joint meeting chaired by the professional, with a professional of another organisation.
        Organisations organisations = context.getBean(Organisations.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        long elsewhere = organisations.create("Debt service " + world.suffix);
        accounts.create(elsewhere, null, "outsider-" + world.suffix, "Chris", TestWorld.PASSWORD, Role.PROFESSIONAL);
        outsider = accounts.loadUserByUsername("outsider-" + world.suffix);
        joint = world.jointMeeting(LocalDate.of(2026, 3, 3), outsider);
        // A study the researcher is assigned to, and one of the same organisation they are not.
        Studies studies = context.getBean(Studies.class);
        study = studies.create(study(List.of(world.researcher.id())), world.admin.id());
        unassignedStudy = studies.create(study(List.of()), world.admin.id());
        // A study with a wave open on the test clock's date (2026-06-15): its professionals answer their questionnaire.
        practiceStudy = studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title("Practice study")
                        .waves(new Study.Wave("T1", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
                        .build(),
                world.admin.id());
    }

    private Study study(List<Long> researchers) {
        return TestStudy.of(world.organisation, world.team)
                .title("Access study")
                .shiftDates(true)
                .researchers(researchers)
                .build();
    }

    /** Expected status per caller; callers not named get {@code otherwise}. */
    private record Rule(HttpMethod method, String path, Map<String, String> params, Map<Who, Integer> expected) {}

    private static Map<Who, Integer> all(int status) {
        Map<Who, Integer> map = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            map.put(who, status);
        }
        return map;
    }

    /** Anonymous → sign-in page, the allowed role(s) → {@code allowed}, everyone else → 403. */
    private static Map<Who, Integer> only(int allowed, Who... roles) {
        Map<Who, Integer> map = all(403);
        map.put(Who.ANONYMOUS, 302);
        for (Who role : roles) {
            map.put(role, allowed);
        }
        return map;
    }

    /** Like {@link #only} for the owning professional, with 404 for the other professional. */
    private static Map<Who, Integer> owner(int allowed) {
        Map<Who, Integer> map = only(allowed, Who.PROFESSIONAL);
        map.put(Who.OTHER_PROFESSIONAL, 404);
        return map;
    }

    /** The meeting's professional and researchers of the organisation; another professional gets 404. */
    private static Map<Who, Integer> meetingCoders(int allowed) {
        Map<Who, Integer> map = only(allowed, Who.PROFESSIONAL, Who.RESEARCHER);
        map.put(Who.OTHER_PROFESSIONAL, 404);
        return map;
    }

    /** Only the coder of the session; everyone else who may code gets 404. */
    private static Map<Who, Integer> sessionCoder(int allowed) {
        Map<Who, Integer> map = owner(allowed);
        map.put(Who.RESEARCHER, 404);
        return map;
    }

    private void codingRules(List<Rule> rules) {
        String meeting = "/coding/meetings/" + world.meeting;
        String session = "/coding/sessions/" + codingSession;
        rules.add(new Rule(HttpMethod.GET, meeting, Map.of(), meetingCoders(200)));
        rules.add(new Rule(HttpMethod.GET, "/coding/meetings/987654321", Map.of(), meetingCoders(404)));
        rules.add(new Rule(HttpMethod.POST, meeting + "/sessions", Map.of(), meetingCoders(302)));
        rules.add(new Rule(HttpMethod.GET, meeting + "/agreement", Map.of(), meetingCoders(200)));
        rules.add(new Rule(
                HttpMethod.POST,
                meeting + "/settled",
                Map.of("first", String.valueOf(codingSession), "second", String.valueOf(researcherSession)),
                meetingCoders(302)));
        rules.add(new Rule(HttpMethod.GET, session, Map.of(), sessionCoder(200)));
        rules.add(new Rule(HttpMethod.GET, "/coding/sessions/987654321", Map.of(), meetingCoders(404)));
        rules.add(new Rule(HttpMethod.GET, session + "/events", Map.of(), sessionCoder(200)));
        rules.add(new Rule(
                HttpMethod.POST,
                session + "/events",
                Map.of("actor", "client", "code", "conflict", "start", "later"),
                sessionCoder(422)));
        rules.add(new Rule(HttpMethod.POST, session + "/events/no-such-key/delete", Map.of(), sessionCoder(302)));
        rules.add(new Rule(HttpMethod.POST, session + "/import", Map.of(), sessionCoder(422)));
        rules.add(new Rule(HttpMethod.GET, session + "/export.csv", Map.of(), meetingCoders(200)));
        rules.add(new Rule(HttpMethod.GET, session + "/export.eaf", Map.of(), meetingCoders(200)));
    }

    /** Studies: the administrator of the organisation manages them; only an assigned researcher sees one. */
    private void studyRules(List<Rule> rules) {
        String study = "/research/studies/" + this.study;
        String unassigned = "/research/studies/" + unassignedStudy;
        rules.add(new Rule(HttpMethod.GET, study, Map.of(), only(200, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, unassigned, Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, study + "/export.zip", Map.of(), only(200, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, unassigned + "/export.zip", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(
                HttpMethod.GET, "/research/studies/987654321/export.zip", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, "/admin/studies", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/studies", Map.of("title", ""), only(422, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/studies/" + this.study, Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/studies/987654321", Map.of(), only(404, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/admin/studies/" + this.study + "/researchers",
                Map.of("researchers", String.valueOf(world.researcher.id())),
                only(302, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/studies/987654321/researchers", Map.of(), only(404, Who.ADMIN)));
        // Whether a study may keep anonymised answers after a client is erased (issue 16).
        rules.add(new Rule(
                HttpMethod.POST,
                "/admin/studies/" + this.study + "/anonymisation",
                Map.of("allowsAnonymisation", "yes"),
                only(302, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/studies/987654321/anonymisation", Map.of(), only(404, Who.ADMIN)));
        // The linkage file (pseudonym and client reference) is the administrator's, never the researcher's.
        rules.add(new Rule(
                HttpMethod.GET, "/admin/studies/" + this.study + "/linkage.csv", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/studies/987654321/linkage.csv", Map.of(), only(404, Who.ADMIN)));
        // The outcome import: the study's researcher under /research, the administrator under /admin.
        String adminStudy = "/admin/studies/" + this.study;
        rules.add(new Rule(HttpMethod.GET, study + "/outcomes", Map.of(), only(200, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, unassigned + "/outcomes", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, study + "/outcomes/preview", Map.of(), only(422, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, unassigned + "/outcomes/preview", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, study + "/outcomes", Map.of("sha256", "0"), only(422, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, unassigned + "/outcomes", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, adminStudy + "/outcomes", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/studies/987654321/outcomes", Map.of(), only(404, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, adminStudy + "/outcomes/preview", Map.of(), only(422, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, adminStudy + "/outcomes", Map.of("sha256", "0"), only(422, Who.ADMIN)));
        // The analyses on the study's own data: the study's researchers only.
        rules.add(new Rule(HttpMethod.GET, study + "/reports", Map.of(), only(200, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, unassigned + "/reports", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, study + "/reports/outcome", Map.of(), only(422, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, unassigned + "/reports/outcome", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(
                HttpMethod.POST,
                study + "/reports/structure",
                Map.of("summary", "wave:none"),
                only(422, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, unassigned + "/reports/structure", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.POST, study + "/reports/professionals", Map.of(), only(302, Who.RESEARCHER)));
        rules.add(
                new Rule(HttpMethod.POST, unassigned + "/reports/professionals", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, study + "/reports/987654321", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, unassigned + "/reports/987654321", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(
                HttpMethod.GET, study + "/reports/987654321/reproduce.R", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(
                new Rule(HttpMethod.GET, study + "/reports/987654321/report.pdf", Map.of(), only(404, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, study + "/outcomes.csv", Map.of(), only(200, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, unassigned + "/outcomes.csv", Map.of(), only(404, Who.RESEARCHER)));
    }

    private List<Rule> rules() {
        String client = "/clients/" + world.client;
        String meeting = "/meetings/" + world.meeting;
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(HttpMethod.GET, "/", Map.of(), all(200)));
        rules.add(new Rule(HttpMethod.GET, "/login", Map.of(), all(200)));
        rules.add(new Rule(HttpMethod.GET, "/c", Map.of(), all(200)));
        rules.add(new Rule(HttpMethod.GET, "/c/thanks", Map.of(), all(200)));
        rules.add(new Rule(HttpMethod.GET, "/setup", Map.of(), all(404)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/setup",
                Map.of("organisation", "x", "username", "x", "displayName", "x", "password", "long enough password"),
                all(404)));
        rules.add(new Rule(HttpMethod.GET, "/c/" + usedToken, Map.of(), all(410)));
        rules.add(new Rule(
                HttpMethod.POST, "/c/" + usedToken, Map.of("idempotencyKey", "another", "item-bond-1", "3"), all(410)));
        rules.add(new Rule(HttpMethod.GET, "/c/" + expiredToken, Map.of(), all(410)));
        rules.add(new Rule(
                HttpMethod.POST, "/c/" + expiredToken, Map.of("idempotencyKey", "late", "item-bond-1", "3"), all(410)));
        rules.add(new Rule(HttpMethod.GET, "/c/not-a-real-token-but-long-enough-to-be-one", Map.of(), all(404)));
        rules.add(new Rule(HttpMethod.POST, "/c", Map.of("code", "ZZZZ-ZZZZ"), all(400)));
        Map<Who, Integer> signedIn = all(200);
        signedIn.put(Who.ANONYMOUS, 302);
        rules.add(new Rule(HttpMethod.GET, "/rules", Map.of(), signedIn));
        rules.add(new Rule(HttpMethod.GET, "/account", Map.of(), signedIn));
        // A wrong current password: refused for everyone signed in, the sign-in page for anonymous callers.
        Map<Who, Integer> ownAccount = all(422);
        ownAccount.put(Who.ANONYMOUS, 302);
        rules.add(new Rule(
                HttpMethod.POST,
                "/account/password",
                Map.of(
                        "current",
                        "not the password",
                        "password",
                        "a new long password",
                        "repeat",
                        "a new long password"),
                ownAccount));
        // Two-step sign-in: one's own setting; the code page only for someone halfway (TwoStepSignInTest).
        rules.add(new Rule(HttpMethod.GET, "/account/two-step", Map.of(), signedIn));
        rules.add(new Rule(HttpMethod.POST, "/account/two-step", Map.of("code", "000000"), ownAccount));
        rules.add(new Rule(HttpMethod.POST, "/account/two-step/off", Map.of("code", "000000"), ownAccount));
        rules.add(new Rule(HttpMethod.GET, "/login/code", Map.of(), all(302)));
        rules.add(new Rule(HttpMethod.POST, "/login/code", Map.of("code", "000000"), all(302)));
        rules.add(new Rule(HttpMethod.POST, "/admin/two-step", Map.of("required", "false"), only(302, Who.ADMIN)));
        Map<Who, Integer> start = all(302);
        rules.add(new Rule(HttpMethod.GET, "/start", Map.of(), start));
        Map<Who, Integer> caseload = only(200, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL);
        rules.add(new Rule(HttpMethod.GET, "/caseload", Map.of(), caseload));
        // The reflection diary: each professional their own (DiaryTest); nobody else has a page for it.
        rules.add(new Rule(HttpMethod.GET, "/diary", Map.of(), caseload));
        rules.add(new Rule(HttpMethod.GET, "/diary/export", Map.of(), caseload));
        rules.add(new Rule(HttpMethod.POST, "/diary", Map.of(), only(422, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        // The professionals' own questionnaire of a study's open wave (PracticeQuestionnaireTest): both professionals
        // are in the study's team; a study or wave that is not open has no form.
        String practice = "/practice/studies/" + practiceStudy + "/waves/T1";
        rules.add(new Rule(HttpMethod.GET, practice, Map.of(), caseload));
        rules.add(new Rule(HttpMethod.POST, practice, Map.of(), only(422, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        rules.add(new Rule(
                HttpMethod.GET,
                "/practice/studies/" + practiceStudy + "/waves/T9",
                Map.of(),
                only(404, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/practice/studies/987654321/waves/T1",
                Map.of(),
                only(404, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/diary/987654321/delete",
                Map.of(),
                only(404, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        rules.add(new Rule(HttpMethod.GET, client, Map.of(), owner(200)));
        // Conversation prompts (issue 17): the cards hold no client data; the "discussed" record is the owner's.
        rules.add(new Rule(
                HttpMethod.GET,
                "/conversation/cards",
                Map.of("signal", "gap"),
                only(200, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL, Who.TEAM_LEAD)));
        rules.add(new Rule(HttpMethod.POST, client + "/discussed", Map.of("signal", "nonsense"), owner(422)));
        // Changing and deleting meetings: only the client's professional; a meeting with nothing in it can go.
        rules.add(new Rule(
                HttpMethod.POST, meeting + "/edit", Map.of("date", "not a date", "kind", "REGULAR"), owner(422)));
        rules.add(new Rule(HttpMethod.GET, meeting + "/delete", Map.of(), owner(200)));
        long spare = world.newMeeting(world.client, world.professional.id(), java.time.LocalDate.of(2026, 4, 20));
        rules.add(new Rule(HttpMethod.POST, "/meetings/" + spare + "/delete", Map.of(), owner(302)));
        rules.add(new Rule(HttpMethod.POST, "/meetings/987654321/delete", Map.of(), owner(404)));
        rules.add(new Rule(HttpMethod.GET, meeting + "/rating", Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.GET, meeting + "/invitation", Map.of(), owner(302)));
        rules.add(new Rule(HttpMethod.POST, meeting + "/rating", Map.of(), owner(422)));
        rules.add(new Rule(
                HttpMethod.POST, meeting + "/invitations", Map.of("instrument", "alliance-client"), owner(302)));
        rules.add(new Rule(
                HttpMethod.POST, client + "/meetings", Map.of("date", "2026-03-09", "kind", "REGULAR"), owner(302)));
        // Contact details and schedules: a wrong address or schedule is refused for the owner, 404 for others.
        rules.add(new Rule(
                HttpMethod.POST,
                client + "/contact",
                Map.of("channel", "EMAIL", "address", "not an address", "consent", "true"),
                owner(422)));
        rules.add(new Rule(HttpMethod.POST, client + "/contact/delete", Map.of(), owner(302)));
        rules.add(new Rule(
                HttpMethod.POST, client + "/schedule", Map.of("kind", "EVERY_N_WEEKS", "weeks", "0"), owner(422)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/clients",
                Map.of("alias", "", "internalId", ""),
                only(422, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        // Expectations (ExpectationsTest): the client's professional answers (an empty form comes back to the client
        // page); the administrator sets the revisit moment.
        rules.add(new Rule(HttpMethod.POST, client + "/expectations", Map.of("occasion", "INTAKE"), owner(302)));
        rules.add(new Rule(HttpMethod.GET, "/admin/expectations", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/admin/expectations",
                Map.of("kind", "MEETING", "number", "1"),
                only(422, Who.ADMIN)));
        String joint = "/joint/" + this.joint;
        rules.add(new Rule(HttpMethod.GET, "/joint", Map.of(), caseload));
        rules.add(new Rule(HttpMethod.GET, joint, Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.GET, joint + "/results", Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.GET, joint + "/rating", Map.of(), owner(200)));
        rules.add(new Rule(
                HttpMethod.GET, "/joint/987654321", Map.of(), only(404, Who.PROFESSIONAL, Who.OTHER_PROFESSIONAL)));
        rules.add(new Rule(HttpMethod.POST, joint + "/rating", Map.of(), owner(422)));
        // The partiality self-check (issue 17): only the meeting's professionals (SelfCheckTest).
        rules.add(new Rule(HttpMethod.GET, joint + "/self-check", Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.POST, joint + "/self-check", Map.of("everySide", "9"), owner(422)));
        rules.add(new Rule(
                HttpMethod.POST, joint + "/notes", Map.of("step", "introduce-client", "note", ""), owner(422)));
        rules.add(new Rule(HttpMethod.POST, joint + "/decisions", Map.of("decision", ""), owner(422)));
        rules.add(new Rule(HttpMethod.POST, joint + "/interests", Map.of("interest", ""), owner(422)));
        rules.add(new Rule(HttpMethod.POST, joint + "/goals", Map.of("goal", ""), owner(422)));
        rules.add(new Rule(HttpMethod.POST, joint + "/conflicts", Map.of("goal", "x"), owner(422)));
        rules.add(new Rule(HttpMethod.POST, joint + "/conflicts/987654321", Map.of("winWin", "x"), owner(404)));
        rules.add(new Rule(HttpMethod.POST, joint + "/close", Map.of(), owner(409)));
        rules.add(new Rule(HttpMethod.POST, joint + "/invitations", Map.of("party", "client"), owner(302)));
        rules.add(new Rule(
                HttpMethod.POST,
                joint + "/consents",
                Map.of("professional", String.valueOf(outsider.id()), "action", "WITHDRAWN"),
                owner(302)));
        rules.add(new Rule(
                HttpMethod.POST,
                joint + "/consents",
                Map.of("professional", String.valueOf(world.otherProfessional.id()), "action", "GIVEN"),
                owner(404)));
        rules.add(new Rule(HttpMethod.GET, client + "/joint/new", Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.GET, client + "/joint/trends", Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.GET, client + "/intervision", Map.of(), owner(200)));
        rules.add(new Rule(HttpMethod.GET, "/clients/987654321/intervision", Map.of(), owner(404)));
        rules.add(new Rule(HttpMethod.GET, "/clients/987654321/joint/trends", Map.of(), owner(404)));
        rules.add(new Rule(HttpMethod.POST, client + "/joint", Map.of("date", "x"), owner(422)));
        rules.add(new Rule(HttpMethod.GET, "/team", Map.of(), only(200, Who.TEAM_LEAD)));
        rules.add(new Rule(HttpMethod.GET, "/team/learning", Map.of(), only(200, Who.TEAM_LEAD)));
        rules.add(new Rule(HttpMethod.GET, "/team/organisation", Map.of(), only(200, Who.TEAM_LEAD)));
        rules.add(new Rule(
                HttpMethod.POST, "/team/learning/plan", Map.of("goals", "Listen first"), only(302, Who.TEAM_LEAD)));
        rules.add(new Rule(HttpMethod.POST, "/team/learning/sessions", Map.of("date", "x"), only(422, Who.TEAM_LEAD)));
        rules.add(new Rule(HttpMethod.GET, "/research", Map.of(), only(200, Who.RESEARCHER)));
        rules.add(new Rule(HttpMethod.GET, "/admin", Map.of(), only(200, Who.ADMIN)));
        // The audit trail: administrators only, their own organisation (AuditTrailTest).
        rules.add(new Rule(HttpMethod.GET, "/admin/audit", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/audit", Map.of("from", "yesterday"), only(422, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/audit.csv", Map.of(), only(200, Who.ADMIN)));
        // Identity providers in the browser: administrators only, their own organisation's (SingleSignOnTest).
        rules.add(new Rule(HttpMethod.GET, "/admin/identity-providers", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST, "/admin/identity-providers", Map.of("displayName", ""), only(422, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/identity-providers/987654321", Map.of(), only(404, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/admin/identity-providers/987654321",
                Map.of("displayName", "x"),
                only(404, Who.ADMIN)));
        // Retention: set, dry run, and a run by hand that needs a confirmation (RetentionTest).
        rules.add(new Rule(HttpMethod.GET, "/admin/retention", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/retention", Map.of("months", "zero"), only(422, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/retention/apply", Map.of(), only(422, Who.ADMIN)));
        // Erasing a client: the administrator finds, sees and confirms; a wrong confirmation erases nothing.
        rules.add(new Rule(
                HttpMethod.GET, "/admin/clients", Map.of("reference", "K-" + world.suffix), only(302, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/clients", Map.of("reference", "nobody"), only(404, Who.ADMIN)));
        String adminClient = "/admin/clients/" + world.client;
        rules.add(new Rule(HttpMethod.GET, adminClient + "/erase", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/clients/987654321/erase", Map.of(), only(404, Who.ADMIN)));
        // The client's own data, given by the administrator (ClientDataTest).
        rules.add(new Rule(HttpMethod.GET, adminClient + "/data", Map.of("format", "json"), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/clients/987654321/data", Map.of(), only(404, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST,
                adminClient + "/erase",
                Map.of("confirmation", "not the reference"),
                only(422, Who.ADMIN)));
        String account = "/admin/users/" + world.professional.id();
        rules.add(new Rule(HttpMethod.POST, account + "/enabled", Map.of("enabled", "true"), only(302, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, account + "/password", Map.of("password", "short"), only(422, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST, "/admin/users/987654321/enabled", Map.of("enabled", "true"), only(404, Who.ADMIN)));
        // Erasing a staff account (with its diary): a page that names what goes, confirmed by the username.
        rules.add(new Rule(HttpMethod.GET, account + "/erase", Map.of(), only(200, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/admin/users/987654321/erase", Map.of(), only(404, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST, account + "/erase", Map.of("confirmation", "not the username"), only(422, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST, "/admin/users/987654321/erase", Map.of("confirmation", "x"), only(404, Who.ADMIN)));
        // Handing an account's clients over to a colleague before erasing it (issue 17); an unknown receiver moves
        // none.
        rules.add(new Rule(
                HttpMethod.POST, account + "/handover", Map.of("receiver", "987654321"), only(422, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST, "/admin/users/987654321/handover", Map.of("receiver", "1"), only(404, Who.ADMIN)));
        rules.add(
                new Rule(HttpMethod.POST, "/admin/teams", Map.of("name", "New " + world.suffix), only(302, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/settings", settings("25"), only(302, Who.ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/admin/settings", settings("101"), only(422, Who.ADMIN)));
        rules.add(new Rule(
                HttpMethod.POST,
                "/admin/users",
                Map.of("username", "", "displayName", "", "password", "", "role", "RESEARCHER"),
                only(422, Who.ADMIN)));
        codingRules(rules);
        studyRules(rules);
        return rules;
    }

    /** The administrator's settings form, every field valid but perhaps the split threshold. */
    private static Map<String, String> settings(String splitThresholdPercent) {
        return Map.of(
                "defaultRelease",
                "NOW",
                "dropThresholdPercent",
                "15",
                "gapThresholdPercent",
                "20",
                "invitationHours",
                "72",
                "splitThresholdPercent",
                splitThresholdPercent);
    }

    private MockHttpServletRequestBuilder request(Rule rule, Who who, boolean withCsrf) {
        MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(rule.method(), rule.path());
        rule.params().forEach(builder::param);
        // Each request from its own address, so the wrong-code limit is not what answers.
        int n = address.incrementAndGet();
        builder.with(r -> {
            r.setRemoteAddr("10.1." + (n / 250) + "." + (n % 250));
            return r;
        });
        if (withCsrf) {
            builder.with(csrf());
        }
        CurrentUser user =
                switch (who) {
                    case ANONYMOUS -> null;
                    case PROFESSIONAL -> world.professional;
                    case OTHER_PROFESSIONAL -> world.otherProfessional;
                    case TEAM_LEAD -> world.teamLead;
                    case RESEARCHER -> world.researcher;
                    case ADMIN -> world.admin;
                };
        if (user != null) {
            builder.with(user(user));
        }
        return builder;
    }

    @Test
    void everyEndpointAnswersEveryCallerAsExpected() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Rule rule : rules()) {
            for (Who who : Who.values()) {
                int expected = rule.expected().get(who);
                int actual = mvc.perform(request(rule, who, true))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                checked++;
                if (actual != expected) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + who + ": " + actual + ", expected "
                            + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void aProfessionalOfAnotherOrganisationInTheMeetingSeesItButDoesNotChangeIt() throws Exception {
        String joint = "/joint/" + this.joint;
        for (String page : List.of(joint, joint + "/results", joint + "/rating", "/joint")) {
            int status = mvc.perform(MockMvcRequestBuilders.get(page).with(user(outsider)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(page).isEqualTo(200);
        }
        // Taking part in a meeting does not open the client's own pages, nor their joint meetings over time.
        int trends = mvc.perform(MockMvcRequestBuilders.get("/clients/" + world.client + "/joint/trends")
                        .with(user(outsider)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(trends).isEqualTo(404);
        for (String action : List.of("/notes", "/decisions", "/interests", "/goals", "/close", "/invitations")) {
            int status = mvc.perform(MockMvcRequestBuilders.post(joint + action)
                            .with(user(outsider))
                            .with(csrf())
                            .param("step", "introduce-client")
                            .param("note", "a note"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(action).isEqualTo(403);
        }
        int consent = mvc.perform(MockMvcRequestBuilders.post(joint + "/consents")
                        .with(user(outsider))
                        .with(csrf())
                        .param("professional", String.valueOf(outsider.id()))
                        .param("action", "GIVEN"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(consent).as("only the chair records the client's consent").isEqualTo(403);
        int client = mvc.perform(
                        MockMvcRequestBuilders.get("/clients/" + world.client).with(user(outsider)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(client)
                .as("the client's own page stays with their own professional")
                .isEqualTo(404);
    }

    /**
     * The rows above are kept by hand; the application's real handler mappings are the other list. Every mapping of
     * ours (method and URL pattern) must be tried by at least one row, and every row must reach a mapping, so a new
     * endpoint without a row — or a row left behind by a removed one — fails here. Compared by method and pattern,
     * not by controller class, so moving a handler keeps its row.
     */
    @Test
    void theRowsCoverEveryHandlerMappingAndNothingElse() {
        Map<String, org.springframework.web.util.pattern.PathPattern> endpoints = new java.util.TreeMap<>();
        context.getBeansOfType(org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (!handler.getBeanType().getPackageName().startsWith("org.alliance")) {
                        return; // Spring's own /error page
                    }
                    var methods = info.getMethodsCondition().getMethods();
                    for (var pattern : info.getPathPatternsCondition().getPatterns()) {
                        if (methods.isEmpty()) {
                            endpoints.put("ANY " + pattern.getPatternString(), pattern);
                        }
                        for (var method : methods) {
                            endpoints.put(method.name() + " " + pattern.getPatternString(), pattern);
                        }
                    }
                }));
        assertThat(endpoints).hasSizeGreaterThan(50);

        java.util.Set<String> untried = new java.util.TreeSet<>(endpoints.keySet());
        List<String> unreached = new ArrayList<>();
        for (Rule rule : rules()) {
            var path = org.springframework.http.server.PathContainer.parsePath(rule.path());
            List<String> reached = endpoints.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(rule.method().name() + " ")
                            || e.getKey().startsWith("ANY "))
                    .filter(e -> e.getValue().matches(path))
                    .map(Map.Entry::getKey)
                    .toList();
            if (reached.isEmpty()) {
                unreached.add(rule.method() + " " + rule.path());
            }
            reached.forEach(untried::remove);
        }
        assertThat(untried).as("endpoints without a row in rules()").isEmpty();
        assertThat(unreached).as("rows that reach no endpoint").isEmpty();
    }

    @Test
    void aResearcherOrAdministratorOfAnotherOrganisationSeesNoStudy() throws Exception {
        TestWorld elsewhere = new TestWorld(context);
        for (String page : List.of(
                "/research/studies/" + study,
                "/research/studies/" + unassignedStudy,
                "/research/studies/" + study + "/export.zip",
                "/research/studies/" + study + "/outcomes")) {
            int status = mvc.perform(MockMvcRequestBuilders.get(page).with(user(elsewhere.researcher)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(page).isEqualTo(404);
        }
        int linkage = mvc.perform(MockMvcRequestBuilders.get("/admin/studies/" + study + "/linkage.csv")
                        .with(user(elsewhere.admin)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(linkage).isEqualTo(404);
        int admin = mvc.perform(
                        MockMvcRequestBuilders.get("/admin/studies/" + study).with(user(elsewhere.admin)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(admin).isEqualTo(404);
        int assign = mvc.perform(MockMvcRequestBuilders.post("/admin/studies/" + study + "/researchers")
                        .with(user(elsewhere.admin))
                        .with(csrf())
                        .param("researchers", String.valueOf(elsewhere.researcher.id())))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(assign).isEqualTo(404);
        int anonymisation = mvc.perform(MockMvcRequestBuilders.post("/admin/studies/" + study + "/anonymisation")
                        .with(user(elsewhere.admin))
                        .with(csrf())
                        .param("allowsAnonymisation", "yes"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(anonymisation).isEqualTo(404);
    }

    @Test
    void anonymousCallersAreSentToTheSignInPage() throws Exception {
        String location = mvc.perform(MockMvcRequestBuilders.get("/caseload"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).endsWith("/login");
    }

    /**
     * Every post without a CSRF token is refused, except the client's check-in posts ({@code /c}, {@code /c/{key}}):
     * they answer as with a token, since the client has no session to protect and their form must outlive the
     * server's session (issue 14). Sent from another site, they are refused too.
     */
    @Test
    void everyPostWithoutCsrfTokenIsRefusedButTheClientsCheckIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules()) {
            if (rule.method() != HttpMethod.POST) {
                continue;
            }
            boolean checkIn = rule.path().equals("/c") || rule.path().startsWith("/c/");
            for (Who who : Who.values()) {
                int status = mvc.perform(request(rule, who, false))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                int expected = checkIn ? rule.expected().get(who) : 403;
                if (status != expected) {
                    wrong.add(rule.path() + " as " + who + ": " + status + ", expected " + expected);
                }
                if (checkIn) {
                    int crossSite = mvc.perform(request(rule, who, false).header("Sec-Fetch-Site", "cross-site"))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                    if (crossSite != 403) {
                        wrong.add(rule.path() + " as " + who + " from another site: " + crossSite);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get("/c")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void afterTwentyWrongCodesAnAddressMustWait() throws Exception {
        for (int i = 0; i < 20; i++) {
            int status = mvc.perform(MockMvcRequestBuilders.post("/c")
                            .with(csrf())
                            .with(r -> {
                                r.setRemoteAddr("192.0.2.77");
                                return r;
                            })
                            .param("code", "ZZZZ-ZZZ" + "ABCDEFGHJKMNPQRSTUVW".charAt(i)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).isEqualTo(400);
        }
        IssuedInvitation valid = world.invite("alliance-session-check");
        int blocked = mvc.perform(MockMvcRequestBuilders.post("/c")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("192.0.2.77");
                            return r;
                        })
                        .param("code", valid.displayCode()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(blocked)
                .as("even a right code waits once the limit is reached")
                .isEqualTo(429);
        int elsewhere = mvc.perform(MockMvcRequestBuilders.post("/c")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("192.0.2.78");
                            return r;
                        })
                        .param("code", valid.displayCode()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(elsewhere).isEqualTo(302);

        // The short code typed into the address bar is just as guessable: the blocked address waits there too.
        assertThat(statusFrom("/c/" + valid.shortCode(), "192.0.2.77")).isEqualTo(429);
        // A wrong link is no guess at a short code (a token has 256 bits): unknown, and not counted.
        assertThat(statusFrom("/c/" + "x".repeat(43), "192.0.2.77")).isEqualTo(404);
        // A link token (256 bits) cannot be guessed: the client's own link still opens from a blocked address,
        // for example a phone on the same office network as whoever mistyped the codes.
        IssuedInvitation link = world.invite("alliance-session-check");
        assertThat(statusFrom("/c/" + link.token(), "192.0.2.77")).isEqualTo(200);
    }

    private int statusFrom(String path, String address) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
