package io.slotline.sim;

import io.slotline.sim.api.BookingsApi;
import io.slotline.sim.api.CalcomRoutes;
import io.slotline.sim.api.WebhooksApi;
import io.slotline.sim.calendar.CalendarStore;
import io.slotline.sim.calendar.Ids;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.SimClock;
import io.slotline.sim.control.ControlApi;
import io.slotline.sim.web.EnvelopeErrorValve;
import io.slotline.sim.web.FrontController;
import io.slotline.sim.web.RateLimiter;
import io.slotline.sim.web.RequestStats;
import io.slotline.sim.web.Routes;
import io.slotline.sim.web.SimSettings;
import io.slotline.sim.webhook.WebhookDispatcher;
import io.slotline.sim.webhook.WebhookSubscriptions;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The simulator's application context. Deliberately not a {@code @Configuration}/{@code @Component} and with an
 * explicit list of auto-configurations: an application that embeds the simulator and component-scans
 * {@code io.slotline} must not pick up simulator beans, and the simulator must not configure the embedding
 * application's data sources, Redis or Flyway that happen to be on the classpath.
 */
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class
})
class SimServerConfiguration {

    /** The options handed to {@link CalcomSimulator#start}, registered before the context refreshes. */
    record EmbeddedOptions(SimOptions options) {}

    @Bean
    SimOptions simOptions(ObjectProvider<EmbeddedOptions> embedded, Environment environment) {
        EmbeddedOptions given = embedded.getIfAvailable();
        if (given != null) {
            return given.options();
        }
        int port = environment.getProperty("server.port", Integer.class, 8081);
        return Binder.get(environment)
                .bind("calcom-sim", SimProperties.class)
                .map(p -> p.toOptions(port))
                .orElseGet(() -> SimOptions.defaults().withPort(port));
    }

    @Bean
    SimClock simClock(SimOptions options) {
        SimClock clock = SimClock.system();
        if (options.fixedNow() != null) {
            clock.fix(options.fixedNow());
        }
        return clock;
    }

    @Bean
    Ids ids(SimOptions options) {
        return new Ids(options.seed());
    }

    @Bean
    RandomGenerator simRandom(SimOptions options) {
        return new Random(options.seed());
    }

    @Bean
    CalendarStore calendarStore() {
        return new CalendarStore();
    }

    @Bean
    Scheduler scheduler(CalendarStore store, SimClock clock, Ids ids) {
        return new Scheduler(store, clock, ids);
    }

    @Bean
    SimSettings simSettings(SimOptions options) {
        return new SimSettings(options.config());
    }

    @Bean
    RateLimiter rateLimiter() {
        return new RateLimiter();
    }

    @Bean
    RequestStats requestStats(SimClock clock) {
        return new RequestStats(clock.instant());
    }

    @Bean
    WebhookSubscriptions webhookSubscriptions() {
        return new WebhookSubscriptions();
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            WebhookSubscriptions subscriptions, CalendarStore store, SimClock clock, RequestStats stats) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new WebhookDispatcher(subscriptions, store, clock, stats, client, Duration.ofSeconds(10));
    }

    @Bean
    BookingsApi bookingsApi(Scheduler scheduler, WebhookDispatcher dispatcher) {
        return new BookingsApi(scheduler, dispatcher);
    }

    @Bean
    WebhooksApi webhooksApi(WebhookSubscriptions subscriptions, Ids ids, SimClock clock) {
        return new WebhooksApi(subscriptions, ids, clock);
    }

    @Bean
    ControlApi controlApi(
            SimOptions options,
            SimClock clock,
            CalendarStore store,
            Ids ids,
            BookingsApi bookings,
            WebhooksApi webhooksApi,
            WebhookSubscriptions subscriptions,
            WebhookDispatcher dispatcher,
            SimSettings settings,
            RateLimiter limiter,
            RequestStats stats) {
        ControlApi control = new ControlApi(
                clock,
                store,
                ids,
                bookings,
                webhooksApi,
                subscriptions,
                dispatcher,
                settings,
                limiter,
                stats,
                options.scenario());
        control.loadScenario(options.scenario());
        return control;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService responseTimer() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "calcom-sim-timer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    FrontController frontController(
            Scheduler scheduler,
            BookingsApi bookings,
            WebhooksApi webhooks,
            ControlApi control,
            SimSettings settings,
            RateLimiter limiter,
            RequestStats stats,
            ScheduledExecutorService responseTimer,
            RandomGenerator simRandom,
            SimClock clock) {
        Routes routes = CalcomRoutes.create(scheduler, bookings, webhooks);
        return new FrontController(
                routes, control, scheduler, settings, limiter, stats, responseTimer, simRandom, clock);
    }

    /** Requests Tomcat rejects before Spring sees them (malformed URLs) also get Cal.com's error envelope. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports(SimClock clock) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(EnvelopeErrorValve.class.getName());
            host.getPipeline().addValve(new EnvelopeErrorValve(clock));
        });
    }

    @Bean
    RouterFunction<ServerResponse> calcomSimRoutes(FrontController frontController) {
        return RouterFunctions.route(RequestPredicates.all(), frontController);
    }
}
