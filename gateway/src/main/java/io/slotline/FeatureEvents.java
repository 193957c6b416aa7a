package io.slotline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * Features tell each other what happened through application events ({@code io.slotline.calls.CallEnded},
 * {@code io.slotline.appointments.AppointmentCancelled}, ...) where a direct call would point back against the
 * dependencies between packages. What a listener does is its own feature's business: a listener that fails is
 * logged and the event still reaches every other listener, and the publisher (a webhook being acknowledged) never
 * sees the failure. Spring's and libraries' own events keep Spring's behaviour.
 */
@Configuration(proxyBeanMethods = false)
class FeatureEvents {

    private static final Logger log = LoggerFactory.getLogger(FeatureEvents.class);

    @Bean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
    static SimpleApplicationEventMulticaster applicationEventMulticaster(BeanFactory beanFactory) {
        return new IsolatingMulticaster(beanFactory);
    }

    static boolean isFeatureEvent(ApplicationEvent event) {
        return event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload().getClass().getName().startsWith("io.slotline.");
    }

    static final class IsolatingMulticaster extends SimpleApplicationEventMulticaster {

        IsolatingMulticaster(BeanFactory beanFactory) {
            super(beanFactory);
        }

        @Override
        protected void invokeListener(ApplicationListener<?> listener, ApplicationEvent event) {
            if (!isFeatureEvent(event)) {
                super.invokeListener(listener, event);
                return;
            }
            try {
                super.invokeListener(listener, event);
            } catch (RuntimeException e) {
                log.warn(
                        "A listener of {} failed; the other listeners still had it",
                        ((PayloadApplicationEvent<?>) event)
                                .getPayload()
                                .getClass()
                                .getSimpleName(),
                        e);
            }
        }
    }
}
