/**
 * Shared kernel every module may use: the injected clock, request body limits, group commit, the
 * not-found answer of the site and the one percentile rule of the figures.
 */
package com.b2brics.connect.core;
