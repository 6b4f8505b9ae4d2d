package com.b2brics.connect.telegram.internal;

import org.springframework.stereotype.Component;

/** Wakes the inbox processor as soon as something arrived, instead of waiting for its next poll. */
@Component
class InboxSignal extends Wakeup {
}
