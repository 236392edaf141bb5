package io.grposcope.core.store;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores a run's steps and events from a background thread: {@link #onStep} only enqueues. The thread drains the
 * bounded queue and commits everything it took in one transaction, at least every {@code flushMillis}. When the
 * queue is full the training thread waits (nothing is dropped) and the wait is stored as a BACKPRESSURE event.
 * {@link #setBranch} switches later steps to another branch (after a rollback).
 */
public final class StoreWriter implements StepListener, AutoCloseable {

    public static final int DEFAULT_CAPACITY = 4096;
    public static final long DEFAULT_FLUSH_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final int MAX_BATCH = 2048;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SqliteRunStore store;
    private final long runId;
    private final BlockingQueue<Item> queue;
    private final long flushMillis;
    private final WriterBatch batch;
    private final Thread thread;
    private final AtomicLong blockedNanos = new AtomicLong();
    private final AtomicLong blockedSteps = new AtomicLong();
    private final AtomicLong lastBlockedStep = new AtomicLong();
    private volatile long branchId;
    private volatile boolean closed;
    private volatile Exception lastError;
    private volatile long committedSteps;
    private volatile long commits;
    private volatile long finalCpuNanos;

    record Item(long branch, StepRecord record, RunEvent event, CountDownLatch done) {
    }

    StoreWriter(SqliteRunStore store, RunIds ids, Connection connection, int capacity, long flushMillis)
            throws SQLException {
        this.store = store;
        this.runId = ids.runId();
        this.branchId = ids.branchId();
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.flushMillis = Math.max(1, flushMillis);
        this.batch = new WriterBatch(connection, runId);
        this.thread = new Thread(this::loop, "store-writer-run-" + runId);
        thread.setDaemon(true);
        thread.start();
    }

    public RunIds ids() {
        return new RunIds(runId, branchId);
    }

    /** Later steps and events go to {@code newBranchId} (create it with {@link RunStore#branch}). */
    public void setBranch(long newBranchId) {
        this.branchId = newBranchId;
    }

    @Override
    public void onStep(StepRecord record) {
        enqueue(new Item(branchId, record, null, null));
    }

    @Override
    public void onEvent(RunEvent event) {
        enqueue(new Item(branchId, null, event, null));
    }

    /** Blocks until everything handed over so far is committed. */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        enqueue(new Item(branchId, null, null, done));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steps committed so far. */
    public long committedSteps() {
        return committedSteps;
    }

    public long commits() {
        return commits;
    }

    /** Steps whose hand-over had to wait for a full queue. */
    public long backpressureSteps() {
        return blockedSteps.get();
    }

    /** CPU seconds the writer thread has used (valid until the writer is closed, then its final value). */
    public double threadCpuSeconds() {
        long cpu = thread.isAlive() ? THREADS.getThreadCpuTime(thread.getId()) : finalCpuNanos;
        return Math.max(0, cpu) / 1e9;
    }

    /** The last write failure (the batch is retried), or null. */
    public Exception lastError() {
        return lastError;
    }

    private void enqueue(Item item) {
        if (closed) {
            throw new StoreException("store writer for run " + runId + " is closed");
        }
        if (queue.offer(item)) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store queue of run " + runId, e);
        }
        blockedNanos.addAndGet(System.nanoTime() - t0);
        blockedSteps.incrementAndGet();
        lastBlockedStep.set(item.record != null ? item.record.step() : item.event != null ? item.event.step() : 0);
    }

    private void loop() {
        List<Item> items = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                Item first = queue.poll(flushMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    items.add(first);
                    queue.drainTo(items, MAX_BATCH);
                }
                stop = closed && queue.isEmpty();
            } catch (InterruptedException e) {
                stop = true;
            }
            commit(items);
            items.clear();
        }
        finalCpuNanos = THREADS.getCurrentThreadCpuTime();
        batch.close();
    }

    private void commit(List<Item> items) {
        RunEvent pressure = backpressureEvent();
        if (items.isEmpty() && pressure == null) {
            return;
        }
        while (true) {
            try {
                int steps = batch.write(items, pressure, branchId);
                committedSteps += steps;
                commits++;
                lastError = null;
                break;
            } catch (Exception e) {
                lastError = e;
                LOG.error("store writer for run {} could not commit to {}; retrying in 1 s", runId, store.path(), e);
                sleepQuietly();
            }
        }
        for (Item it : items) {
            if (it.done != null) {
                it.done.countDown();
            }
        }
    }

    private RunEvent backpressureEvent() {
        long steps = blockedSteps.get();
        long nanos = blockedNanos.getAndSet(0);
        if (nanos == 0) {
            return null;
        }
        return new RunEvent(lastBlockedStep.get(), System.currentTimeMillis(), EventType.BACKPRESSURE,
                String.format("training waited %.1f ms for the store queue (full at %d items)", nanos / 1e6,
                        queue.remainingCapacity() + queue.size()),
                Map.of("waited_ms", String.valueOf(nanos / 1_000_000), "blocked_steps_total", String.valueOf(steps)));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits what is queued, stops the thread and releases its connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.writerClosed(this);
    }
}
