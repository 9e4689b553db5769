package dev.aftersales.host.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the job poller; tests that drive jobs by hand switch it off with {@code aftersales.jobs.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "aftersales.jobs.enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingConfiguration {
}
