/**
 * The pool of working groups: supergroups B2BRICS admins create and add the bot to, the one
 * first-come-first-served queue of holders of every kind waiting for one (set up as each holder
 * describes), personal join links, join control and cleaning.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "telegram", "accounts", "core" })
package com.b2brics.connect.groups;
