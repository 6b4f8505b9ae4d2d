package com.b2brics.connect.telegram.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * One loop thread that hands work to a pool of workers, started and stopped with the
 * application: the shape of both the inbox processor and the outbox sender. Stops after the web
 * server has stopped taking requests and lets work in hand finish.
 */
abstract class WorkerLoop implements SmartLifecycle {

	private final String name;
	private final Wakeup signal;
	protected volatile boolean running;
	protected ExecutorService workers;
	private Thread loop;

	WorkerLoop(String name, Wakeup signal) {
		this.name = name;
		this.signal = signal;
	}

	protected abstract int workerCount();

	/** Runs until {@link #running} turns false. */
	protected abstract void loop();

	protected static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		running = true;
		workers = Executors.newFixedThreadPool(workerCount(), runnable -> {
			Thread thread = new Thread(runnable, name + "-worker");
			thread.setDaemon(true);
			return thread;
		});
		loop = new Thread(this::loop, name + "-loop");
		loop.setDaemon(true);
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		signal.wake();
		if (loop != null) {
			loop.interrupt();
		}
		if (workers != null) {
			workers.shutdown();
			try {
				workers.awaitTermination(15, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}
}
