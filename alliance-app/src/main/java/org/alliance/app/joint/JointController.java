package org.alliance.app.joint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Client;
import org.alliance.app.caseload.MeetingDates;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.FormValues;
import org.alliance.core.joint.ConsentRules;
import org.alliance.core.joint.Party;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The professional's pages of a joint meeting: create one from a client page, follow the guide and note what
 * happened, record decisions, interests, goals and conflicts with the balance check before closing, invite the
 * client (and network members) to the joint check-in, rate the meeting from one's own side, and the results with
 * the alliance map and the split-alliance index. Only professionals who take part see a meeting (others get
 * 404); only the chair changes it (others get 403). The client's individual result is shown to each professional
 * as {@link ConsentRules} decides.
 */
@Controller
class JointController {

    static final int EXTRA_PROFESSIONALS = 3;
    static final int NETWORK_ROWS = 3;

    private final JointMeetings meetings;
    private final Caseload caseload;
    private final Clock clock;
    private final JointAccess access;
    private final JointMeetingPage page;

    JointController(JointMeetings meetings, Caseload caseload, Clock clock, JointAccess access, JointMeetingPage page) {
        this.meetings = meetings;
        this.caseload = caseload;
        this.clock = clock;
        this.access = access;
        this.page = page;
    }

    // ---------------------------------------------------------------- list and create

    @GetMapping("/joint")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("meetings", meetings.meetingsOf(user.id()));
        return "joint/list";
    }

    @GetMapping("/clients/{clientId}/joint/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Model model) {
        Client client = caseload.clientOf(user.id(), clientId).orElseThrow(JointAccess.NotFound::new);
        return showNew(client, LocalDate.now(clock).toString(), Map.of(), List.of(), model);
    }

    private String showNew(Client client, String date, Map<String, String> values, List<String> errors, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("date", date);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("professionalRows", range(EXTRA_PROFESSIONALS));
        model.addAttribute("networkRows", range(NETWORK_ROWS));
        model.addAttribute("roles", Party.NetworkRole.values());
        return "joint/new";
    }

    private static List<Integer> range(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(i);
        }
        return rows;
    }

    @PostMapping("/clients/{clientId}/joint")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam Map<String, String> parameters,
            FormPost post) {
        Client client = caseload.clientOf(user.id(), clientId).orElseThrow(JointAccess.NotFound::new);
        List<String> errors = new ArrayList<>();
        String date = parameters.getOrDefault("date", "");
        LocalDate day = MeetingDates.parse(date).orElse(null);
        if (day == null) {
            errors.add("joint.new.error.date");
        }
        List<JointMeetings.Account> professionals = new ArrayList<>();
        for (int i = 1; i <= EXTRA_PROFESSIONALS; i++) {
            String username = parameters.getOrDefault("professional-" + i, "").strip();
            if (username.isEmpty()) {
                continue;
            }
            Optional<JointMeetings.Account> account =
                    username.length() > 100 ? Optional.empty() : meetings.professional(username);
            if (account.isEmpty() || account.get().id() == user.id()) {
                errors.add("joint.new.error.professional." + i);
            } else if (professionals.stream()
                    .noneMatch(p -> p.id() == account.get().id())) {
                professionals.add(account.get());
            }
        }
        if (professionals.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("joint.new.error.professional"))) {
            errors.add("joint.new.error.noProfessional");
        }
        List<JointMeetings.NewNetworkMember> network = new ArrayList<>();
        for (int i = 1; i <= NETWORK_ROWS; i++) {
            String label = parameters.getOrDefault("network-label-" + i, "").strip();
            if (label.isEmpty()) {
                continue;
            }
            Optional<Party.NetworkRole> role =
                    FormValues.constant(Party.NetworkRole.class, parameters.get("network-role-" + i));
            if (label.length() > 100 || role.isEmpty()) {
                errors.add("joint.new.error.network." + i);
                continue;
            }
            network.add(new JointMeetings.NewNetworkMember(
                    role.get(), label, !"yes".equals(parameters.get("network-absent-" + i))));
        }
        if (!errors.isEmpty()) {
            return post.refused(() -> showNew(client, date, parameters, errors, post.model()));
        }
        JointMeetings.Account chair = meetings.account(user.id());
        long id = meetings.create(client.id(), client.alias(), chair, day, professionals, network);
        return post.written(
                user, "/joint/" + id, () -> new FormPost.Audit("joint meeting created", "joint meeting " + id));
    }

    @GetMapping("/joint/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = access.meeting(user, id);
        return page.show(user, header, List.of(), false, locale, model);
    }
}
