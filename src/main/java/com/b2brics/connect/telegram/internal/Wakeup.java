package com.b2brics.connect.telegram.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;


/** A wake-up call between threads: a signal is kept until the waiter takes it, so none is lost. */
class Wakeup {

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition arrived = lock.newCondition();
	private boolean pending;

	void wake() {
		lock.lock();
		try {
			pending = true;
			arrived.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	void await(long millis) throws InterruptedException {
		lock.lock();
		try {
			if (!pending && millis > 0) {
				arrived.await(millis, TimeUnit.MILLISECONDS);
			}
			pending = false;
		}
		finally {
			lock.unlock();
		}
	}
}
