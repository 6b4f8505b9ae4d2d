package com.b2brics.connect.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand in an item and wait; a writer thread takes everything queued so far
 * and writes it in one go (one transaction, one disk flush for many items), then releases each
 * caller with its own result. {@link #submit} returns only after the batch holding the item has
 * been written (committed, if the write function commits), so a caller can promise what is on
 * disk and nothing else.
 *
 * <p>The owner calls {@link #start()} and {@link #stop()} from its own lifecycle; {@code stop}
 * lets the writers finish what is queued. Not a bean: each owner makes its own.
 *
 * @param <T> what a caller hands in
 * @param <R> what each caller gets back (one result per item, in the batch's order)
 */
public final class GroupCommit<T, R> {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** The item could not be written; its caller must not confirm it to anyone. */
	public static final class WriteFailed extends RuntimeException {

		WriteFailed(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private record Item<T, R>(T value, CompletableFuture<R> result) {
	}

	private final String name;
	private final int writerCount;
	private final int batchSize;
	private final boolean isolateFailures;
	private final Function<List<T>, List<R>> write;
	private final BlockingQueue<Item<T, R>> queue;
	private final List<Thread> writers = new ArrayList<>();
	private volatile boolean running;

	/**
	 * @param name names the writer threads ({@code name-0}, …) and the log lines
	 * @param writers batches in flight at once: with one, an item that arrives while the batch
	 *        before it commits waits for a whole extra commit
	 * @param batchSize most items per batch
	 * @param capacity most items waiting; beyond, callers wait (up to their time-out) for room
	 * @param isolateFailures when a batch of several fails, write each of its items alone, so one
	 *        bad item fails only its own caller (costs one write per item after a failure)
	 * @param write writes the items (in one transaction) and returns one result per item in their
	 *        order; throws if nothing was written
	 */
	public GroupCommit(String name, int writers, int batchSize, int capacity, boolean isolateFailures,
			Function<List<T>, List<R>> write) {
		if (writers < 1 || batchSize < 1 || capacity < 1) {
			throw new IllegalArgumentException("writers, batchSize and capacity must be positive");
		}
		this.name = name;
		this.writerCount = writers;
		this.batchSize = batchSize;
		this.isolateFailures = isolateFailures;
		this.write = write;
		this.queue = new LinkedBlockingQueue<>(capacity);
	}

	/**
	 * Queues the item and waits until its batch is written; its result. Throws
	 * {@link TimeoutException} when it was not written in time (or not accepted: queue full,
	 * stopped), {@link WriteFailed} when its write failed. After either, the item must be treated
	 * as not written (it may still be written later; it must not be confirmed).
	 */
	public R submit(T item, long timeoutMillis) throws TimeoutException, InterruptedException {
		if (!running) {
			throw new TimeoutException(name + " is not accepting items (stopped)");
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		CompletableFuture<R> result = new CompletableFuture<>();
		if (!queue.offer(new Item<>(item, result), timeoutMillis, TimeUnit.MILLISECONDS)) {
			throw new TimeoutException(name + ": queue full");
		}
		try {
			return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException e) {
			throw new WriteFailed(name + ": write failed: " + e.getCause(), e.getCause());
		}
	}

	private void writeLoop() {
		List<Item<T, R>> batch = new ArrayList<>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				Item<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, batchSize - 1);
				if (!writeBatch(batch) && isolateFailures && batch.size() > 1) {
					for (Item<T, R> item : batch) {
						writeBatch(List.of(item));
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/** Writes and completes the batch; false (and nothing completed) if it failed and will be retried item by item. */
	private boolean writeBatch(List<Item<T, R>> batch) {
		List<R> results;
		try {
			results = write.apply(batch.stream().map(Item::value).toList());
			if (results.size() != batch.size()) {
				throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
			}
		}
		catch (RuntimeException e) {
			boolean retry = isolateFailures && batch.size() > 1;
			log.warn("{}: writing {} items failed{}: {}", name, batch.size(), retry ? ", writing them one by one" : "",
					e.toString());
			if (!retry) {
				batch.forEach(item -> item.result().completeExceptionally(e));
			}
			return false;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).result().complete(results.get(i));
		}
		return true;
	}

	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		for (int i = 0; i < writerCount; i++) {
			Thread writer = new Thread(this::writeLoop, name + "-" + i);
			writer.setDaemon(true);
			writer.start();
			writers.add(writer);
		}
	}

	/** Stops taking items; the writers finish what is queued (up to 5 s each). */
	public synchronized void stop() {
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(5000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
	}

	public boolean isRunning() {
		return running;
	}
}
