/**
 * Cross-cutting web concerns: security, the shared layout, error pages. Each module keeps its
 * own controllers.
 */
package com.b2brics.connect.web;
