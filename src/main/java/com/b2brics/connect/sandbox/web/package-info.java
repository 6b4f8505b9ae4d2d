/**
 * HTTP faces of the sandbox: the Bot API at {@code /bot<token>/<method>}, the control API at
 * {@code /sandbox/api}, and the web client at {@code /sandbox}. Thin adapters over
 * {@link com.b2brics.connect.sandbox.emulator.Sandbox}.
 */
package com.b2brics.connect.sandbox.web;
