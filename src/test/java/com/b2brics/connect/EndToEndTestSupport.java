package com.b2brics.connect;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.b2brics.connect.core.MutableClock;

/** What the end-to-end tests add to the app: a clock they move, a handler that fails on purpose, two kinds of pool holder. */
@TestConfiguration(proxyBeanMethods = false)
public class EndToEndTestSupport {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	EndToEndTest.FailingHandler failingHandler() {
		return new EndToEndTest.FailingHandler();
	}

	@Bean
	com.b2brics.connect.telegram.UnreachableUsers unreachableUsers() {
		return new com.b2brics.connect.telegram.UnreachableUsers();
	}

	@Bean
	com.b2brics.connect.groups.QueueTestHolders testRooms() {
		return new com.b2brics.connect.groups.QueueTestHolders("QUEUE_ROOM");
	}

	@Bean
	com.b2brics.connect.groups.QueueTestHolders testDesks() {
		return new com.b2brics.connect.groups.QueueTestHolders("QUEUE_DESK");
	}
}
