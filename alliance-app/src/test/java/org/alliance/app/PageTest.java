package org.alliance.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * A test of the pages ({@link AllianceWebTest}): MockMvc over the whole application and a fresh {@link TestWorld}
 * before each test (a subclass's own {@code @BeforeEach} runs after this one, so it can build on the world).
 */
@AllianceWebTest
public abstract class PageTest {

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

    @BeforeEach
    void newWorld() {
        mvc = TestWorld.mvc(context);
        world = new TestWorld(context);
    }
}
