package com.b2brics.connect.core;

/** The one percentile rule of the platform's figures, so every figure shown to partners is computed alike. */
public final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The index, from 0, of the nearest-rank percentile in a sorted list of the given size: the
	 * smallest value with at least {@code percent} of the values at or below it. Size must be positive.
	 */
	public static int nearestRankIndex(int size, int percent) {
		if (size <= 0) {
			throw new IllegalArgumentException("no values");
		}
		int rank = (int) Math.ceil(percent / 100.0 * size);
		return Math.min(size, Math.max(1, rank)) - 1;
	}
}
