#include "CMicroHTTPDShim.h"

struct MHD_Daemon *CMicroHTTPDShim_start_daemon(unsigned int flags, uint16_t port,
                                                MHD_AcceptPolicyCallback accept_policy, void *accept_policy_cls,
                                                MHD_AccessHandlerCallback handler, void *handler_cls,
                                                struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, accept_policy, accept_policy_cls, handler, handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

struct MHD_OptionItem CMicroHTTPDShim_option_notify_completed(MHD_RequestCompletedCallback callback, void *cls) {
    return (struct MHD_OptionItem){MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)callback, cls};
}

struct MHD_OptionItem CMicroHTTPDShim_option_notify_connection(MHD_NotifyConnectionCallback callback, void *cls) {
    return (struct MHD_OptionItem){MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)callback, cls};
}

struct MHD_OptionItem CMicroHTTPDShim_option_uri_log(void *(*callback)(void *cls, const char *uri, struct MHD_Connection *c),
                                                    void *cls) {
    return (struct MHD_OptionItem){MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)callback, cls};
}

struct MHD_OptionItem CMicroHTTPDShim_option_unescape(size_t (*callback)(void *cls, struct MHD_Connection *c, char *s),
                                                      void *cls) {
    return (struct MHD_OptionItem){MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)callback, cls};
}

const struct sockaddr *CMicroHTTPDShim_connection_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info ? info->client_addr : NULL;
}

void *CMicroHTTPDShim_connection_socket_context(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

enum MHD_Result CMicroHTTPDShim_response_http_1_0_compatible(struct MHD_Response *response) {
    return MHD_set_response_options(response, MHD_RF_HTTP_1_0_COMPATIBLE_STRICT, MHD_RO_END);
}

int CMicroHTTPDShim_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info ? info->connect_fd : -1;
}
