package fr.wastetrace.bsd.workflow;

import fr.wastetrace.bsd.company.CompanyDirectory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the Quarkus tests that call the service as the workflow actors ({@code actors.yaml}): before each test,
 * their companies are published to the service (once per run, see {@link WorkflowActors#ensurePublished}).
 */
public abstract class ActsAsWorkflowActors {
    @Inject
    protected CompanyDirectory directory;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    protected String companyTopic;

    @BeforeEach
    void publishWorkflowActors() {
        WorkflowActors.ensurePublished(directory, bootstrap, companyTopic);
    }
}
