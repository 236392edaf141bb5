package io.grposcope.core.store;

/** A stored step: its number, wall time and training phase ("warm_start", "grpo", "pretrain"). */
public record StepInfo(long step, long wallTimeMillis, String phase) {
}
