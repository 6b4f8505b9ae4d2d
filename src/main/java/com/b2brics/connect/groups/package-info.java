/**
 * The pool of working groups: supergroups B2BRICS admins create and add the bot to; later also
 * personal join links, join control and cleaning.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "telegram", "accounts", "core" })
package com.b2brics.connect.groups;
