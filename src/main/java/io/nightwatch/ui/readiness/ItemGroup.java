package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;

import java.util.List;

/**
 * The items of one category, gaps first (worst risk first), then the OK ones.
 *
 * @param okCount how many of the category's items are OK, whatever the filter shows
 * @param total   how many items the category has, whatever the filter shows
 */
public record ItemGroup(AuditItem.Category category, String title, long okCount, int total, List<ReadinessItem> items) {

    public ItemGroup {
        items = List.copyOf(items);
    }

    /** "3 of 5 OK". */
    public String count() {
        return ReadinessWording.groupCount(okCount, total);
    }

    public boolean allOk() {
        return okCount == total;
    }
}
