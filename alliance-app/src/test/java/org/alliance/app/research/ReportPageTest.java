package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.util.Map;
import org.alliance.app.PageTest;
import org.alliance.app.system.CurrentUser;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A test of a study's reports, as the world's researcher sees them: the study, its pages, its export, a report
 * started by a post, and the report as stored.
 */
abstract class ReportPageTest extends PageTest {

    long study;

    /** A page (in English) as the world's researcher sees it. */
    MockHttpServletResponse get(String path) throws Exception {
        return get(world.researcher, path, "lang", "en");
    }

    /** The files of the study's export, by name, as the world's researcher downloads it. */
    Map<String, String> export() throws Exception {
        MvcResult zip = mvc.perform(MockMvcRequestBuilders.get("/research/studies/" + study + "/export.zip")
                        .with(user(world.researcher)))
                .andReturn();
        return StudyExportTest.unzip(
                mvc.perform(asyncDispatch(zip)).andReturn().getResponse().getContentAsByteArray());
    }

    /** Starts the report that the post asks for (in English, sent by {@code who}); the report's address. */
    String started(MockHttpServletRequestBuilder post, CurrentUser who) throws Exception {
        MockHttpServletResponse started = mvc.perform(
                        post.param("lang", "en").with(csrf()).with(user(who)))
                .andReturn()
                .getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        return started.getRedirectedUrl();
    }

    /** The report at this address as it is stored. */
    StudyReport stored(String report) {
        long id = Long.parseLong(report.substring(report.lastIndexOf('/') + 1));
        return StudyAnalysisRunner.read(context.getBean(StudyReports.class)
                .find(study, id)
                .orElseThrow()
                .content());
    }
}
