package com.b2brics.connect.groups;

/**
 * A deal's group was emptied at the end of its deal: whatever belonged to that deal ends now.
 * The group is handed out again only after its history check passes ({@link GroupReleased}).
 */
public record GroupEmptied(long chatId) {
}
