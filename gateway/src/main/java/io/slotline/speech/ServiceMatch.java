package io.slotline.speech;

import java.util.List;
import java.util.Objects;

/** Outcome of matching a spoken service name against a branch's services. */
public sealed interface ServiceMatch<T> permits ServiceMatch.Match, ServiceMatch.Ambiguous, ServiceMatch.NoMatch {

    /** How a match was found; anything but {@code NAME} and {@code SYNONYM} deserves a confirmation by the agent. */
    enum How {
        NAME,
        SYNONYM,
        CONTAINS,
        FUZZY
    }

    record Match<T>(T candidate, How how) implements ServiceMatch<T> {
        public Match {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(how, "how");
        }
    }

    /** Several services fit equally well, best first; the agent should ask which one. */
    record Ambiguous<T>(List<T> candidates) implements ServiceMatch<T> {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** Nothing fits; the names of up to three closest services, closest first, to offer instead. */
    record NoMatch<T>(List<String> closestNames) implements ServiceMatch<T> {
        public NoMatch {
            closestNames = List.copyOf(closestNames);
        }
    }
}
