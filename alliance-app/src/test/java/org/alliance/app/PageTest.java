package org.alliance.app;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.alliance.app.system.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A test of the pages ({@link AllianceWebTest}): MockMvc over the whole application and a fresh {@link TestWorld}
 * before each test (a subclass's own {@code @BeforeEach} runs after this one, so it can build on the world). Being a
 * {@link DatabaseTest}, it may also migrate fresh databases of both vendors beside the application's own.
 */
@AllianceWebTest
public abstract class PageTest extends DatabaseTest {

    @Autowired
    protected WebApplicationContext context;

    @Autowired
    protected JdbcClient jdbc;

    protected MockMvc mvc;
    protected TestWorld world;

    /** The response MockMvc gives to the request. */
    protected MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * The response to a form post of {@code who} (with the CSRF token) to {@code path}, the fields given as name,
     * value, name, value, …
     */
    protected MockHttpServletResponse post(CurrentUser who, String path, String... fields) throws Exception {
        return perform(
                withParameters(MockMvcRequestBuilders.post(path).with(csrf()).with(user(who)), fields));
    }

    /** The response to {@code who}'s request for {@code path}, the parameters given as name, value, name, value, … */
    protected MockHttpServletResponse get(CurrentUser who, String path, String... parameters) throws Exception {
        return perform(withParameters(MockMvcRequestBuilders.get(path).with(user(who)), parameters));
    }

    /** The page at {@code path} in English as {@code who} sees it. */
    protected String englishPage(String path, CurrentUser who) throws Exception {
        return get(who, path, "lang", "en").getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder withParameters(
            MockHttpServletRequestBuilder request, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    @BeforeEach
    void newWorld() {
        mvc = TestWorld.mvc(context);
        world = new TestWorld(context);
    }
}
