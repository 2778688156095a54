/* Prints the evdev ABI as the kernel headers define it: struct input_event's size and field offsets,
 * EVIOCGRAB, EV_KEY and the key codes a card reader types, one "kind name value" per line.
 * Compiled by EvdevAbiTests with gcc against /usr/include/linux/input.h and compared with the C#. */
#include <linux/input.h>
#include <stddef.h>
#include <stdio.h>

#define NUM(kind, n) printf("%s %s %llu\n", kind, #n, (unsigned long long)(n))

int main(void) {
    printf("size input_event %zu\n", sizeof(struct input_event));
    printf("offset input_event.type %zu\n", offsetof(struct input_event, type));
    printf("offset input_event.code %zu\n", offsetof(struct input_event, code));
    printf("offset input_event.value %zu\n", offsetof(struct input_event, value));
    NUM("ioctl", EVIOCGRAB);
    NUM("const", EV_KEY);
    NUM("key", KEY_1); NUM("key", KEY_2); NUM("key", KEY_3); NUM("key", KEY_4); NUM("key", KEY_5);
    NUM("key", KEY_6); NUM("key", KEY_7); NUM("key", KEY_8); NUM("key", KEY_9); NUM("key", KEY_0);
    NUM("key", KEY_KP1); NUM("key", KEY_KP2); NUM("key", KEY_KP3); NUM("key", KEY_KP4); NUM("key", KEY_KP5);
    NUM("key", KEY_KP6); NUM("key", KEY_KP7); NUM("key", KEY_KP8); NUM("key", KEY_KP9); NUM("key", KEY_KP0);
    NUM("key", KEY_ENTER); NUM("key", KEY_KPENTER);
    NUM("modifier", KEY_LEFTCTRL); NUM("modifier", KEY_LEFTSHIFT); NUM("modifier", KEY_RIGHTSHIFT);
    NUM("modifier", KEY_LEFTALT); NUM("modifier", KEY_CAPSLOCK); NUM("modifier", KEY_NUMLOCK);
    NUM("modifier", KEY_RIGHTCTRL); NUM("modifier", KEY_RIGHTALT); NUM("modifier", KEY_LEFTMETA); NUM("modifier", KEY_RIGHTMETA);
    return 0;
}
