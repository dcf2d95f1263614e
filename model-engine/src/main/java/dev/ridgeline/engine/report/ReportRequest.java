package dev.ridgeline.engine.report;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Workload;
import java.util.List;

/**
 * What a report is about and what it must say about where it came from.
 *
 * @param scenario          the scenario on screen (or given by the flags)
 * @param pinned            scenario A to set beside it, or null
 * @param pinnedDifferences the inputs in which the scenario differs from A, worded by the caller (empty without A)
 * @param targetTokensPerSec the tokens/s per user the frontier's answer is for
 * @param version           the program version
 * @param command           a command line that regenerates the report
 * @param scenarioJson      the scenario as the versioned JSON document that reproduces it
 * @param pinnedJson        scenario A as such a document, or null without A
 * @param workload          the served workload the report sizes pools for (its user speed is the target's)
 * @param rivals            the chips the scenario's chip is compared with, best deployment against best (may be empty)
 * @param anchors           the published deployments the appendix checks Ridgeline against (none: no appendix)
 */
public record ReportRequest(Scenario scenario, Scenario pinned, List<String> pinnedDifferences,
                            double targetTokensPerSec, String version, String command, String scenarioJson,
                            String pinnedJson, Workload workload, List<dev.ridgeline.engine.model.Chip> rivals,
                            List<dev.ridgeline.engine.validation.Anchor> anchors) {
    /** Seed 000's and DESIGN 4b's default target: 20 tokens/s per user. */
    public static final double DEFAULT_TARGET = 20;

    public ReportRequest {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario is missing");
        }
        if (!(targetTokensPerSec > 0) || targetTokensPerSec > 1e6) {
            throw new IllegalArgumentException("target tokens/s must be in (0, 1e6], was " + targetTokensPerSec);
        }
        pinnedDifferences = pinnedDifferences == null ? List.of() : List.copyOf(pinnedDifferences);
        workload = (workload == null ? Workload.DEFAULT : workload).withUserTokensPerSec(targetTokensPerSec);
        rivals = rivals == null ? List.of() : List.copyOf(rivals);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    /** This request with the validation appendix checking {@code anchors}. */
    public ReportRequest withAnchors(List<dev.ridgeline.engine.validation.Anchor> anchors) {
        return new ReportRequest(scenario, pinned, pinnedDifferences, targetTokensPerSec, version, command, scenarioJson,
                pinnedJson, workload, rivals, anchors);
    }

    /** A report with the default workload ({@link Workload#DEFAULT}) and no rivals. */
    public ReportRequest(Scenario scenario, Scenario pinned, List<String> pinnedDifferences, double targetTokensPerSec,
                         String version, String command, String scenarioJson, String pinnedJson) {
        this(scenario, pinned, pinnedDifferences, targetTokensPerSec, version, command, scenarioJson, pinnedJson,
                (Workload) null, List.of(), List.of());
    }

    /** A report with the default workload, its chip compared with {@code rivals}. */
    public ReportRequest(Scenario scenario, Scenario pinned, List<String> pinnedDifferences, double targetTokensPerSec,
                         String version, String command, String scenarioJson, String pinnedJson,
                         List<dev.ridgeline.engine.model.Chip> rivals) {
        this(scenario, pinned, pinnedDifferences, targetTokensPerSec, version, command, scenarioJson, pinnedJson,
                (Workload) null, rivals, List.of());
    }

    /** A report of {@code workload}, without rivals. */
    public ReportRequest(Scenario scenario, Scenario pinned, List<String> pinnedDifferences, double targetTokensPerSec,
                         String version, String command, String scenarioJson, String pinnedJson, Workload workload) {
        this(scenario, pinned, pinnedDifferences, targetTokensPerSec, version, command, scenarioJson, pinnedJson,
                workload, List.of(), List.of());
    }
}
