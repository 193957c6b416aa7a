package io.slotline.edge;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    FilterRegistrationBean<DirectErrorPathFilter> directErrorPathFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new DirectErrorPathFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** First of all on Retell's routes, so the time it reports includes the signature check and parsing. */
    @Bean
    FilterRegistrationBean<ServerTimingFilter> serverTimingFilter() {
        var registration = new FilterRegistrationBean<>(new ServerTimingFilter());
        registration.addUrlPatterns("/retell/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the admin token check (+30): an unauthenticated admin body is never read. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(EdgeProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(properties, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 31);
        return registration;
    }
}
