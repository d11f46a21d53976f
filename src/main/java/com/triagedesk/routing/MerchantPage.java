package com.triagedesk.routing;

import java.util.List;

/**
 * One page of the merchant directory.
 *
 * @param nextCursor pass it back for the next page; null on the last one
 */
public record MerchantPage(List<Merchant> items, String nextCursor) {
}
