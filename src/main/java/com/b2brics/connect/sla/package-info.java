/**
 * Response-time SLAs in working hours. So far: working-hours calendars (time zone, weekly hours,
 * public holidays from jollyday or a configured list) and the working-time arithmetic every SLA
 * clock is built on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package com.b2brics.connect.sla;
