package com.b2brics.connect.telegram.internal;

import org.springframework.stereotype.Component;

/** Wakes the outbox sender when a message was committed or a send slot came free. */
@Component
class OutboxSignal extends Wakeup {
}
