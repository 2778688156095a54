/* Prints the GPIO uAPI v2 ABI as the kernel header defines it: struct sizes, field offsets,
 * ioctl numbers and constants, one "kind name value" per line; then the libc side of the system
 * calls Terminal.Hardware makes (argument sizes, flags, struct pollfd and statx). Compiled with gcc
 * for the host, or a cross gcc for aarch64 / 32-bit ARM and run under qemu (KernelHeaderProbe.cs),
 * and compared with the C# definitions (DotnetAbi.cs). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/types.h>

#define SIZE(s) printf("size %s %zu\n", #s, sizeof(struct s))
#define OFF(s, f) printf("offset %s.%s %zu\n", #s, #f, offsetof(struct s, f))
#define NUM(kind, n) printf("%s %s %llu\n", kind, #n, (unsigned long long)(long long)(n))
#define TYPE(t, name) printf("size %s %zu\n", name, sizeof(t))

int main(void) {
    SIZE(gpiochip_info);
    OFF(gpiochip_info, name); OFF(gpiochip_info, label); OFF(gpiochip_info, lines);
    SIZE(gpio_v2_line_attribute);
    OFF(gpio_v2_line_attribute, id); OFF(gpio_v2_line_attribute, padding); OFF(gpio_v2_line_attribute, flags);
    OFF(gpio_v2_line_attribute, values); OFF(gpio_v2_line_attribute, debounce_period_us);
    SIZE(gpio_v2_line_config_attribute);
    OFF(gpio_v2_line_config_attribute, attr); OFF(gpio_v2_line_config_attribute, mask);
    SIZE(gpio_v2_line_config);
    OFF(gpio_v2_line_config, flags); OFF(gpio_v2_line_config, num_attrs); OFF(gpio_v2_line_config, attrs);
    SIZE(gpio_v2_line_request);
    OFF(gpio_v2_line_request, offsets); OFF(gpio_v2_line_request, consumer); OFF(gpio_v2_line_request, config);
    OFF(gpio_v2_line_request, num_lines); OFF(gpio_v2_line_request, event_buffer_size); OFF(gpio_v2_line_request, fd);
    SIZE(gpio_v2_line_info);
    OFF(gpio_v2_line_info, name); OFF(gpio_v2_line_info, consumer); OFF(gpio_v2_line_info, offset);
    OFF(gpio_v2_line_info, num_attrs); OFF(gpio_v2_line_info, flags); OFF(gpio_v2_line_info, attrs);
    SIZE(gpio_v2_line_values);
    OFF(gpio_v2_line_values, bits); OFF(gpio_v2_line_values, mask);
    SIZE(gpio_v2_line_event);
    OFF(gpio_v2_line_event, timestamp_ns); OFF(gpio_v2_line_event, id); OFF(gpio_v2_line_event, offset);
    OFF(gpio_v2_line_event, seqno); OFF(gpio_v2_line_event, line_seqno);
    NUM("ioctl", GPIO_GET_CHIPINFO_IOCTL); NUM("ioctl", GPIO_V2_GET_LINEINFO_IOCTL); NUM("ioctl", GPIO_V2_GET_LINE_IOCTL);
    NUM("ioctl", GPIO_V2_LINE_GET_VALUES_IOCTL); NUM("ioctl", GPIO_V2_LINE_SET_VALUES_IOCTL);
    NUM("const", GPIO_MAX_NAME_SIZE); NUM("const", GPIO_V2_LINES_MAX); NUM("const", GPIO_V2_LINE_NUM_ATTRS_MAX);
    NUM("const", GPIO_V2_LINE_ATTR_ID_FLAGS); NUM("const", GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES);
    NUM("const", GPIO_V2_LINE_EVENT_RISING_EDGE); NUM("const", GPIO_V2_LINE_EVENT_FALLING_EDGE);
    NUM("flag", GPIO_V2_LINE_FLAG_USED); NUM("flag", GPIO_V2_LINE_FLAG_ACTIVE_LOW); NUM("flag", GPIO_V2_LINE_FLAG_INPUT);
    NUM("flag", GPIO_V2_LINE_FLAG_OUTPUT); NUM("flag", GPIO_V2_LINE_FLAG_EDGE_RISING); NUM("flag", GPIO_V2_LINE_FLAG_EDGE_FALLING);
    NUM("flag", GPIO_V2_LINE_FLAG_OPEN_DRAIN); NUM("flag", GPIO_V2_LINE_FLAG_OPEN_SOURCE);
    NUM("flag", GPIO_V2_LINE_FLAG_BIAS_PULL_UP); NUM("flag", GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN);
    NUM("flag", GPIO_V2_LINE_FLAG_BIAS_DISABLED); NUM("flag", GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME);

    /* libc: ioctl(int, unsigned long, ...), read() -> ssize_t, poll(struct pollfd *, nfds_t, int). */
    TYPE(unsigned long, "ioctl_request"); TYPE(ssize_t, "ssize_t"); TYPE(nfds_t, "nfds_t");
    SIZE(pollfd); OFF(pollfd, fd); OFF(pollfd, events); OFF(pollfd, revents);
    SIZE(statx); OFF(statx, stx_gid);
    NUM("const", O_RDWR); NUM("const", O_CLOEXEC); NUM("const", EFD_NONBLOCK); NUM("const", EFD_CLOEXEC);
    NUM("const", POLLIN); NUM("const", AT_FDCWD); NUM("const", STATX_GID);
    return 0;
}
