package io.grposcope.core.algo.spi;

/**
 * Hook 10: named scalars (methods-spec §7.4 canonical names) computed from a minibatch's loss terms. Values leave
 * as Java doubles, never as NDArrays.
 */
@FunctionalInterface
public interface MetricsEmitter {

    void emit(LossInputs in, LossTerms terms, LossSettings settings, MetricSink sink);

    /** Receives one metric value; the engine averages repeated names over minibatches. */
    @FunctionalInterface
    interface MetricSink {
        void put(String name, double value);
    }

    /** This emitter, then another. */
    default MetricsEmitter andThen(MetricsEmitter next) {
        return (in, t, s, sink) -> {
            emit(in, t, s, sink);
            next.emit(in, t, s, sink);
        };
    }
}
