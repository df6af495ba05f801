/**
 * Promises: every commitment made to a customer as a first-class record — what will be done, who does it and by
 * when, who tells the customer and by when — and whether it was kept. A promise is kept only when the work was done
 * by its deadline and the customer was told about it by the contact deadline; one renegotiated in time goes on with
 * new dates and its history; one whose deadline passes otherwise is broken and stays visible until someone records
 * what happened next. Work in progress (issue 8): the aggregate and its rules; storage, scheduling, pages and API
 * follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Promises")
package dev.rapport.promises;
