package io.grposcope.core.control;

/** Life cycle of a training run as seen from outside the engine thread. */
public enum RunState { NEW, RUNNING, PAUSED, STOPPED, FINISHED, FAILED }
