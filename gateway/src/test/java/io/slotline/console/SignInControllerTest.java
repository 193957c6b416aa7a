package io.slotline.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The sign-in page as a web slice: open to everyone, telling why a sign-in failed, skipped when signed in. */
class SignInControllerTest extends ConsoleWebSlice {

    @Test
    void aThrottledSignInIsToldHowLongToWait() throws Exception {
        mvc.perform(get("/console/login").param("error", "throttled").param("wait", "30"))
                .andExpect(status().isOk())
                .andExpect(view().name("console/login"))
                .andExpect(model().attribute("error", "throttled"))
                .andExpect(model().attribute("wait", 30L))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void aWaitThatIsNoNumberIsABadRequestPage() throws Exception {
        mvc.perform(get("/console/login").param("wait", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("console/error"));
    }

    @Test
    void signedInTheConsoleOpens() throws Exception {
        mvc.perform(get("/console/login").with(as(SALON_ACCOUNT)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console"));
    }
}
