package io.slotline.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration implements WebMvcConfigurer {

    static final String API_PREFIX = "/admin/api";
    /** Public by design (README, CONTRACTS.md); any other token is never printed. */
    private static final String DEMO_TOKEN = "admin_demo";

    private static final String SECURITY_SCHEME = "adminToken";
    private static final Logger log = LoggerFactory.getLogger(AdminConfiguration.class);

    private final AdminProperties properties;

    AdminConfiguration(AdminProperties properties) {
        this.properties = properties;
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new AdminTokenFilter(properties, json));
        registration.addUrlPatterns(API_PREFIX + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperationsAccessFilter> operationsAccessFilter(
            OperationsProperties operations, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new OperationsAccessFilter(operations, properties, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** Admin request bodies are read strictly (see {@link AdminRequest}); everything else keeps the shared mapper. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof JacksonJsonHttpMessageConverter jackson) {
                JsonMapper strict = jackson.getMapper()
                        .rebuild()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
                jackson.registerMappersForType(
                        AdminRequest.class, mappers -> mappers.put(MediaType.APPLICATION_JSON, strict));
            }
        }
    }

    /** The admin API's OpenAPI document: /v3/api-docs/admin, browsable at /swagger-ui.html. */
    @Bean
    GroupedOpenApi adminOpenApi() {
        return GroupedOpenApi.builder()
                .group("admin")
                .displayName("Slotline admin API")
                .pathsToMatch(API_PREFIX + "/**")
                .addOpenApiCustomizer(openApi -> {
                    openApi.info(new Info()
                            .title("Slotline admin API")
                            .version("1")
                            .description("Onboard and inspect tenants. Every request needs "
                                    + "`Authorization: Bearer <slotline.admin.token>`; without a configured token "
                                    + "the admin API answers 404. Errors: `{\"error\",\"field\",\"message\"}`."));
                    if (openApi.getComponents() == null) {
                        openApi.setComponents(new Components());
                    }
                    openApi.getComponents()
                            .addSecuritySchemes(
                                    SECURITY_SCHEME,
                                    new SecurityScheme()
                                            .type(SecurityScheme.Type.HTTP)
                                            .scheme("bearer")
                                            .description("the admin token (slotline.admin.token)"));
                    openApi.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
                })
                .build();
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment environment = ready.getApplicationContext().getEnvironment();
        String base =
                "http://localhost:" + Objects.requireNonNull(web.getWebServer()).getPort();
        if (!properties.enabled()) {
            log.info(
                    "Admin API is off: set slotline.admin.token (SLOTLINE_ADMIN_TOKEN) to enable {}{}",
                    base,
                    API_PREFIX);
        } else if (environment.acceptsProfiles(Profiles.of("demo")) && DEMO_TOKEN.equals(properties.token())) {
            log.info(
                    "Admin API: {}{} with 'Authorization: Bearer {}' (demo token); Swagger UI: {}/swagger-ui.html",
                    base,
                    API_PREFIX,
                    properties.token(),
                    base);
        } else {
            log.info(
                    "Admin API: {}{} (bearer token from slotline.admin.token); Swagger UI: {}/swagger-ui.html",
                    base,
                    API_PREFIX,
                    base);
        }
    }
}
