/** Internals of the telegram module: the client, inbox, outbox and their storage. */
package com.b2brics.connect.telegram.internal;
