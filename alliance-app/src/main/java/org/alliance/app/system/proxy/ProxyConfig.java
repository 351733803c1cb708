package org.alliance.app.system.proxy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link ProxyHeadersFilter} ahead of every other filter, with the administrator's list of proxies. */
@Configuration(proxyBeanMethods = false)
class ProxyConfig {

    @Bean
    TrustedProxies trustedProxies(@Value("${alliance.proxies.trusted:}") String list) {
        return TrustedProxies.parse(list);
    }

    @Bean
    FilterRegistrationBean<ProxyHeadersFilter> proxyHeadersFilter(TrustedProxies proxies) {
        FilterRegistrationBean<ProxyHeadersFilter> registration =
                new FilterRegistrationBean<>(new ProxyHeadersFilter(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
