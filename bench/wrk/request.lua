-- The support request the load test sends: the complete-epayment-400 sample of
-- src/test/resources/samples/requests, with the longer description and log excerpt a real
-- developer pastes, about 5 KB as JSON. "{{N}}" is replaced per request so every issue has its
-- own reporter and CC (the mail loop guard would otherwise leave them off the auto-replies).
return {
  subject = "POST /epayment/v1/payments gives HTTP 400 (4040 Invalid amount)",
  description = [[1. We call POST /epayment/v1/payments from our checkout with the body below.
2. The call returns HTTP 400 with error code 4040 (Invalid amount).
3. We retried with a new reference and got the same result.
4. Amounts of 100 NOK and more work; 499 NOK with the decimal places from our basket fail.
Expected: a payment is created and the user is redirected to the app. Actual: 400 every time since 08:15.

We changed nothing in our integration; our backend was upgraded on 19 November (new basket service,
which now sends amounts as integers in øre). The error started the morning after. We checked that the
amount is an integer and that currency is NOK. The same request against our staging copy works.

Log excerpt from our application (times in Europe/Oslo):
2026-11-20T08:15:02.114+01:00 INFO  [http-nio-8080-exec-7] no.acme.shop.vipps.VippsClient - POST https://apitest.vipps.no/epayment/v1/payments reference=acme-shop-123-order123abc
2026-11-20T08:15:02.388+01:00 WARN  [http-nio-8080-exec-7] no.acme.shop.vipps.VippsClient - 400 Bad Request traceId=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
2026-11-20T08:16:40.010+01:00 INFO  [http-nio-8080-exec-2] no.acme.shop.vipps.VippsClient - POST https://apitest.vipps.no/epayment/v1/payments reference=acme-shop-124-order124abd
2026-11-20T08:16:40.297+01:00 WARN  [http-nio-8080-exec-2] no.acme.shop.vipps.VippsClient - 400 Bad Request traceId=00-5ac03f4688c45eb7b4df03af1f1f5847-11a178bb1cb013c8-01
2026-11-20T08:21:13.551+01:00 INFO  [http-nio-8080-exec-5] no.acme.shop.vipps.VippsClient - POST https://apitest.vipps.no/epayment/v1/payments reference=acme-shop-125-order125abe
2026-11-20T08:21:13.802+01:00 WARN  [http-nio-8080-exec-5] no.acme.shop.vipps.VippsClient - 400 Bad Request traceId=00-6bd14a5799d56fc8c5e014b02a2a6958-22b289cc2dc124d9-01
2026-11-20T08:24:31.907+01:00 INFO  [http-nio-8080-exec-1] no.acme.shop.vipps.VippsClient - POST https://apitest.vipps.no/epayment/v1/payments reference=acme-shop-126-order126abf
2026-11-20T08:24:32.166+01:00 WARN  [http-nio-8080-exec-1] no.acme.shop.vipps.VippsClient - 400 Bad Request traceId=00-7ce25b6800e67ad9d6f025b3b3b37a69-33c39add3ed235ea-01
2026-11-20T08:27:48.402+01:00 INFO  [http-nio-8080-exec-4] no.acme.shop.vipps.VippsClient - POST https://apitest.vipps.no/epayment/v1/payments reference=acme-shop-127-order127ac0
2026-11-20T08:27:48.671+01:00 WARN  [http-nio-8080-exec-4] no.acme.shop.vipps.VippsClient - 400 Bad Request traceId=00-8df36c7911f78bea07e136c4c4c48b7a-44d4aebe4fe346fb-01
2026-11-20T08:29:02.015+01:00 INFO  [http-nio-8080-exec-6] no.acme.shop.vipps.VippsClient - POST https://apitest.vipps.no/epayment/v1/payments reference=acme-shop-128-order128ac1
2026-11-20T08:29:02.290+01:00 WARN  [http-nio-8080-exec-6] no.acme.shop.vipps.VippsClient - 400 Bad Request traceId=00-9e047d8a22089cfb18f247d5d5d59c8b-55e5bfcf50f457a0-01
2026-11-20T08:30:55.120+01:00 ERROR [scheduler-1] no.acme.shop.orders.OrderService - 12 orders waiting for payment since 08:15
2026-11-20T08:31:10.000+01:00 INFO  [scheduler-1] no.acme.shop.orders.OrderService - retrying capture and payment creation for 12 orders
2026-11-20T08:31:10.455+01:00 WARN  [scheduler-1] no.acme.shop.orders.OrderService - 12 of 12 retries failed with 400 Invalid amount]],
  name = "Kari Nordmann",
  email = "kari+{{N}}@acme-shop.no",
  phone = "+47 912 34 567",
  cc = "ola+{{N}}@acme-shop.no",
  organizationNumber = "123456785",
  merchantSerialNumber = "123456",
  product = "ePayment API",
  environment = "TEST",
  orderId = "acme-shop-123-order123abc",
  occurredOn = "2026-11-20",
  httpRequest = [[POST /epayment/v1/payments HTTP/1.1
Host: apitest.vipps.no
Authorization: Bearer eyJ0eXAi...masked...Qk9A
Ocp-Apim-Subscription-Key: ...0a64
Merchant-Serial-Number: 123456
Idempotency-Key: 49ca711a-acee-4d01-993b-9487112e1def
Content-Type: application/json
Vipps-System-Name: acme-shop
Vipps-System-Version: 3.1.2
Vipps-System-Plugin-Name: acme-checkout
Vipps-System-Plugin-Version: 2.4.0

{"amount":{"currency":"NOK","value":49900},"paymentMethod":{"type":"WALLET"},"customer":{"phoneNumber":"4791234567"},"reference":"acme-shop-123-order123abc","returnUrl":"https://shop.example/return?order=acme-shop-123-order123abc","userFlow":"WEB_REDIRECT","paymentDescription":"Order 123: 2 x Hiking boots, 1 x Wool socks"}]],
  httpResponse = [[HTTP/1.1 400 Bad Request
Content-Type: application/problem+json
Date: Fri, 20 Nov 2026 07:15:02 GMT
Request-Id: 4bf92f35-77b3-4da6-a3ce-929d0e0e4736

{"type":"https://developer.vippsmobilepay.com/docs/APIs/epayment-api/api-guide/errors","title":"Bad Request","detail":"Invalid amount","status":400,"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","extraDetails":[{"name":"ErrorCode","reason":"4040"}]}]],
  additionalInfo = "We upgraded our backend on 19 November (basket service 4.2.0, which now rounds amounts before sending them). Our developers are available 08:00-16:00 on +47 912 34 567; our staging environment can be opened for you if that helps. Orders acme-shop-124-order124abd and acme-shop-125-order125abe failed the same way.",
}
