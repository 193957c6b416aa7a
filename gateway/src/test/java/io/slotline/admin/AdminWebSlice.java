package io.slotline.admin;

import io.slotline.calls.CallbackRequests;
import io.slotline.calls.FunctionCallLog;
import io.slotline.console.ConsoleAccountService;
import io.slotline.retell.RetellAgentConfiguration;
import io.slotline.tenancy.RetellAgents;
import io.slotline.tenancy.TenantDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice of the admin API: its controllers, its error advice and its configuration (the token filter, the
 * strict reading of request bodies), with every service behind them mocked. One context for every admin
 * controller's test (the same configuration, so Spring builds it once); requests carry {@link #AUTHORIZATION}.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {
                            ActivityController.class,
                            ConsoleAccountsController.class,
                            OnboardingController.class,
                            RetellAgentsController.class,
                            RetellToolsController.class,
                            TenantController.class,
                            AdminErrors.class,
                            AdminConfiguration.class
                        }),
        excludeAutoConfiguration = {
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class
        })
@EnableConfigurationProperties({AdminProperties.class, OperationsProperties.class})
@TestPropertySource(
        properties = {
            "slotline.admin.token=" + AdminWebSlice.TOKEN,
            "slotline.public-base-url= " + AdminWebSlice.PUBLIC_BASE_URL + "/ "
        })
abstract class AdminWebSlice {

    static final String TOKEN = "slice-admin-token-31ab";
    static final String AUTHORIZATION = "Bearer " + TOKEN;
    static final String PUBLIC_BASE_URL = "https://gateway.example.com";

    @Autowired
    MockMvc mvc;

    // ActivityController's
    @MockitoBean
    ActivityQueries queries;

    @MockitoBean
    FunctionCallLog functionCalls;

    @MockitoBean
    CallbackRequests callbackRequests;

    // ConsoleAccountsController's
    @MockitoBean
    ConsoleAccountService accounts;

    // OnboardingController's
    @MockitoBean
    TenantFiles tenantFiles;

    @MockitoBean
    CalcomSync calcomSync;

    @MockitoBean
    CalcomCheck calcomCheck;

    @MockitoBean
    CalcomWebhooks calcomWebhooks;

    // RetellAgentsController's, RetellToolsController's and OnboardingController's
    @MockitoBean
    TenantDirectory directory;

    @MockitoBean
    RetellAgents agents;

    @MockitoBean
    RetellAgentConfiguration configuration;

    // TenantController's
    @MockitoBean
    CompanyAdmin companies;

    @MockitoBean
    BranchAdmin branches;

    @MockitoBean
    PhoneNumberAdmin phoneNumbers;

    @MockitoBean
    ServiceAdmin services;

    @MockitoBean
    ServiceStaffAdmin serviceStaff;

    @MockitoBean
    StaffAdmin staff;
}
