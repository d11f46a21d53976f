package com.triagedesk.issues;

import java.util.List;

/**
 * One page of a list, newest change first.
 *
 * @param nextCursor pass it back to get the next page; null on the last one
 */
public record IssuePage(List<IssueSummary> items, String nextCursor) {
}
