package org.alliance.core.observation;

import java.util.List;
import java.util.Map;

/**
 * The default coding scheme, after the Dutch joint-meetings study: five sensitising concepts that together
 * make a client-centred alliance possible, plus conflict. Each code can be verbal or non-verbal and is coded
 * per actor. Descriptions are written at language level B1 in Dutch, English, Norwegian (Bokmål) and Danish.
 */
public final class DefaultCodingScheme {

    public static final String ID = "joint-meetings";
    public static final String VERSION = "1";

    /** The facilitating order of the study: introduce → open communication → support → vision → decide. */
    public static final List<String> FACILITATING_ORDER =
            List.of("introducing-client", "open-communication", "team-support", "vision-goals", "shared-decision");

    private DefaultCodingScheme() {}

    public static CodingScheme jointMeetings() {
        List<Code> codes = List.of(
                new Code(
                        "introducing-client",
                        "i",
                        Map.of(
                                "nl",
                                        "Iemand stelt de cliënt voor aan de anderen of geeft de cliënt aan het begin het woord.",
                                "en",
                                        "Someone introduces the client to the others or gives the client the floor at the start.",
                                "nb", "Noen presenterer klienten for de andre eller gir klienten ordet i starten.",
                                "da", "Nogen præsenterer klienten for de andre eller giver klienten ordet i starten.")),
                new Code(
                        "open-communication",
                        "o",
                        Map.of(
                                "nl", "Mensen zeggen open wat ze denken en voelen. Ze luisteren en vragen door.",
                                "en", "People say openly what they think and feel. They listen and ask more questions.",
                                "nb",
                                        "Folk sier åpent hva de tenker og føler. De lytter og stiller oppfølgingsspørsmål.",
                                "da",
                                        "Folk siger åbent, hvad de tænker og føler. De lytter og stiller uddybende spørgsmål.")),
                new Code(
                        "team-support",
                        "s",
                        Map.of(
                                "nl",
                                        "Teamleden helpen of steunen elkaar of de cliënt, bijvoorbeeld met een compliment of praktische hulp.",
                                "en",
                                        "Team members help or support each other or the client, for example with praise or practical help.",
                                "nb",
                                        "Teammedlemmer hjelper eller støtter hverandre eller klienten, for eksempel med ros eller praktisk hjelp.",
                                "da",
                                        "Teammedlemmer hjælper eller støtter hinanden eller klienten, for eksempel med ros eller praktisk hjælp.")),
                new Code(
                        "vision-goals",
                        "v",
                        Map.of(
                                "nl",
                                        "Iemand praat over wat het team samen wil bereiken: de doelen of de gezamenlijke visie.",
                                "en",
                                        "Someone talks about what the team wants to reach together: the goals or the shared vision.",
                                "nb", "Noen snakker om hva teamet vil oppnå sammen: målene eller den felles visjonen.",
                                "da", "Nogen taler om, hvad teamet vil opnå sammen: målene eller den fælles vision.")),
                new Code(
                        "shared-decision",
                        "d",
                        Map.of(
                                "nl",
                                        "De cliënt en de professionals beslissen samen. De mening van de cliënt telt mee.",
                                "en", "The client and the professionals decide together. The client's opinion counts.",
                                "nb", "Klienten og fagfolkene bestemmer sammen. Klientens mening teller.",
                                "da", "Klienten og de professionelle beslutter sammen. Klientens mening tæller.")),
                new Code(
                        "conflict",
                        "c",
                        Map.of(
                                "nl",
                                        "Er is onenigheid of spanning: mensen zijn het niet eens, onderbreken elkaar of worden boos.",
                                "en",
                                        "There is disagreement or tension: people do not agree, interrupt each other or get angry.",
                                "nb",
                                        "Det er uenighet eller spenning: folk er ikke enige, avbryter hverandre eller blir sinte.",
                                "da",
                                        "Der er uenighed eller spænding: folk er ikke enige, afbryder hinanden eller bliver vrede.")));
        // The concepts can occur together (support while deciding), so the set is not mutually exclusive.
        return new CodingScheme(
                ID,
                "Joint meetings: client-centred alliance",
                VERSION,
                List.of(new CodeSet("alliance process", codes, false)));
    }
}
