package io.slotline.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    ConsoleLocaleResolver localeResolver() {
        return new ConsoleLocaleResolver();
    }

    /** {@code ?lang=de} or {@code ?lang=en} on any console page switches the session's language. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languages = new LocaleChangeInterceptor();
        languages.setParamName("lang");
        languages.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languages).addPathPatterns("/console", "/console/**");
    }
}
