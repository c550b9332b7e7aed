// What Swift cannot call in libmicrohttpd 0.9.75: the variadic MHD_start_daemon, MHD_get_connection_info and
// MHD_set_response_options,
// and function pointers stored in an option's intptr_t. Every function here is a one-line wrapper;
// all decisions (flags, limits, routing) are made in Swift.
#ifndef C_MICRO_HTTPD_SHIM_H
#define C_MICRO_HTTPD_SHIM_H

#include <microhttpd.h>
#include <stdint.h>

/// MHD_start_daemon is variadic: pass every option through one MHD_OPTION_ARRAY ending in MHD_OPTION_END.
struct MHD_Daemon *CMicroHTTPDShim_start_daemon(unsigned int flags, uint16_t port,
                                                MHD_AcceptPolicyCallback accept_policy, void *accept_policy_cls,
                                                MHD_AccessHandlerCallback handler, void *handler_cls,
                                                struct MHD_OptionItem *options);

/// Option items whose value is a function pointer (Swift cannot cast one to intptr_t).
struct MHD_OptionItem CMicroHTTPDShim_option_notify_completed(MHD_RequestCompletedCallback callback, void *cls);
struct MHD_OptionItem CMicroHTTPDShim_option_notify_connection(MHD_NotifyConnectionCallback callback, void *cls);
struct MHD_OptionItem CMicroHTTPDShim_option_uri_log(void *(*callback)(void *cls, const char *uri, struct MHD_Connection *c),
                                                    void *cls);
struct MHD_OptionItem CMicroHTTPDShim_option_unescape(size_t (*callback)(void *cls, struct MHD_Connection *c, char *s),
                                                      void *cls);

/// MHD_get_connection_info is variadic: the client's address, and the pointer kept for the connection
/// (the `socket_context` of its MHD_NotifyConnectionCallback).
const struct sockaddr *CMicroHTTPDShim_connection_client_address(struct MHD_Connection *connection);
void *CMicroHTTPDShim_connection_socket_context(struct MHD_Connection *connection);
/// …and its socket (-1 if MHD has none): a live follower's send buffer is bounded on it.
int CMicroHTTPDShim_connection_fd(struct MHD_Connection *connection);

/// MHD_set_response_options is variadic: a response that neither chunks nor keeps the connection alive (a HEAD of
/// a streamed response, which 0.9.75 would otherwise end with a last chunk, a body HEAD must not have).
enum MHD_Result CMicroHTTPDShim_response_http_1_0_compatible(struct MHD_Response *response);

#endif
