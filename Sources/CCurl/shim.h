#ifndef WBL_CCURL_SHIM_H
#define WBL_CCURL_SHIM_H

#include <curl/curl.h>

/*
 * curl_easy_setopt and curl_easy_getinfo are variadic, and Swift cannot call variadic C functions.
 * These typed wrappers fix the argument type per call, so Swift sees ordinary functions. Each one
 * passes its argument through unchanged and returns libcurl's result code.
 */

/// Sets an option that takes a `long` (CURLOPTTYPE_LONG / CURLOPTTYPE_VALUES).
static inline CURLcode wbl_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a `curl_off_t` (CURLOPTTYPE_OFF_T), e.g. CURLOPT_INFILESIZE_LARGE.
static inline CURLcode wbl_curl_set_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a C string (CURLOPTTYPE_STRINGPOINT). libcurl copies the string.
static inline CURLcode wbl_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a string list (CURLOPTTYPE_SLISTPOINT), e.g. CURLOPT_MAIL_RCPT.
/// libcurl does not copy the list: keep it alive until the transfer ends.
static inline CURLcode wbl_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/// Sets an option that takes an opaque pointer (CURLOPTTYPE_OBJECTPOINT / CBPOINT),
/// e.g. CURLOPT_READDATA or CURLOPT_ERRORBUFFER.
static inline CURLcode wbl_curl_set_pointer(CURL *handle, CURLoption option, void *pointer) {
    return curl_easy_setopt(handle, option, pointer);
}

/// Sets a MIME structure (CURLOPT_MIMEPOST) built with curl_mime_init.
static inline CURLcode wbl_curl_set_mime(CURL *handle, curl_mime *mime) {
    return curl_easy_setopt(handle, CURLOPT_MIMEPOST, mime);
}

/// Sets CURLOPT_READFUNCTION: libcurl pulls the upload body (the message) through it.
static inline CURLcode wbl_curl_set_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// Reads a `long` transfer property (e.g. CURLINFO_RESPONSE_CODE: the last SMTP reply code).
static inline CURLcode wbl_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
