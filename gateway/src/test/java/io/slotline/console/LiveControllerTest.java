package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live event stream as a web slice: opened for the viewer's scope and language, for five minutes. */
class LiveControllerTest extends ConsoleWebSlice {

    @Test
    void theStreamIsOpenedForTheAccountsCompany() throws Exception {
        given(feed.subscribe(any(), anyLong())).willReturn(new SseEmitter());

        mvc.perform(get("/console/live")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .header("Accept-Language", "de-DE")
                        .with(as(SALON_ACCOUNT)))
                .andExpect(request().asyncStarted());
        verify(feed).subscribe(new LiveFeed.Viewer(new Scope(SALON), false, Locale.GERMAN, ""), 300_000);
    }

    @Test
    void signedOutNoStreamIsOpened() throws Exception {
        mvc.perform(get("/console/live").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(redirectedUrl("/console/login"));
        verify(feed, never()).subscribe(any(), anyLong());
    }
}
