/**
 * Shared kernel: the injected clock, identifiers and i18n helpers every module may use.
 */
package com.b2brics.connect.core;
