namespace Terminal.Mqtt.Session;

/// <summary>
/// Every publish not yet acknowledged, in call order, with the cursor of the next one to write.
/// What has been written is always a prefix of the list, so a reconnect just rewinds the cursor:
/// the unacknowledged ones go out again in their original order (MQTT 5 §4.4), with DUP and their
/// identifiers when the session was kept, as new otherwise. Writes of QoS 1 stop at the
/// broker's Receive Maximum (§4.9) and resume at each PUBACK.
/// </summary>
internal sealed class PublishQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<OutgoingPublish> _list = [];
    private readonly Dictionary<ushort, LinkedListNode<OutgoingPublish>> _byId = [];
    private readonly PacketIdentifiers _ids = new();
    private LinkedListNode<OutgoingPublish>? _cursor;
    private int _inFlight;
    private int _receiveMaximum = 1;
    private bool _released;

    /// <summary>Set whenever something may have become writable.</summary>
    public AsyncSignal Changed { get; } = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _list.Count;
            }
        }
    }

    /// <summary>The most QoS 1 publishes ever in flight at once (flow-control tests and benchmarks).</summary>
    public int InFlightHighWater { get; private set; }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public void Enqueue(OutgoingPublish publish)
    {
        lock (_gate)
        {
            if (publish.Priority)
            {
                // After the priority publishes already waiting, before everything else unsent.
                var before = _cursor;
                while (before is { Value.Priority: true })
                {
                    before = before.Next;
                }

                var node = before is null ? _list.AddLast(publish) : _list.AddBefore(before, publish);
                if (_cursor == before)
                {
                    _cursor = node;
                }
            }
            else
            {
                var node = _list.AddLast(publish);
                _cursor ??= node;
            }
        }

        Changed.Set();
    }

    /// <summary>The next publish to write now, or null (nothing queued, gate closed, or Receive Maximum reached).</summary>
    public OutgoingPublish? TakeNext()
    {
        lock (_gate)
        {
            var node = _cursor;
            if (node is null || (!_released && !node.Value.Priority))
            {
                return null;
            }

            var publish = node.Value;
            if (publish.Message.Qos == MqttQos.AtMostOnce)
            {
                _cursor = node.Next;
                _list.Remove(node);
                return publish;
            }

            if (_inFlight >= _receiveMaximum)
            {
                return null;
            }

            if (publish.PacketId == 0)
            {
                publish.PacketId = _ids.Allocate();
                _byId[publish.PacketId] = node;
            }

            publish.InFlight = true;
            _inFlight++;
            InFlightHighWater = Math.Max(InFlightHighWater, _inFlight);
            _cursor = node.Next;
            return publish;
        }
    }

    /// <summary>The publish a PUBACK acknowledges (removed), or null for an unknown identifier.</summary>
    public OutgoingPublish? Acknowledge(ushort packetId)
    {
        OutgoingPublish? publish;
        lock (_gate)
        {
            if (!_byId.Remove(packetId, out var node) || !node.Value.InFlight)
            {
                if (node is not null)
                {
                    _byId[packetId] = node;
                }

                return null;
            }

            publish = node.Value;
            _list.Remove(node);
            _ids.Release(packetId);
            _inFlight--;
        }

        Changed.Set();
        return publish;
    }

    /// <summary>
    /// Quota exceeded (PUBACK 0x97): the publish goes back to be written next, as a new packet,
    /// after the caller's backoff.
    /// </summary>
    public void Requeue(ushort packetId)
    {
        lock (_gate)
        {
            if (!_byId.Remove(packetId, out var node))
            {
                return;
            }

            _ids.Release(packetId);
            _inFlight--;
            node.Value.PacketId = 0;
            node.Value.InFlight = false;
            node.Value.Dup = false;
            _list.Remove(node);
            _cursor = _cursor is null ? _list.AddLast(node.Value) : _list.AddBefore(_cursor, node.Value);
        }

        Changed.Set();
    }

    /// <summary>Drops a publish that was taken but cannot be sent (too large for the broker).</summary>
    public void Remove(OutgoingPublish publish)
    {
        lock (_gate)
        {
            if (publish.PacketId != 0 && _byId.Remove(publish.PacketId, out var node))
            {
                _ids.Release(publish.PacketId);
                _list.Remove(node);
                if (publish.InFlight)
                {
                    _inFlight--;
                }
            }
        }

        Changed.Set();
    }

    /// <summary>Removes a publish whose caller gave up, unless it was already written (then its PUBACK is still awaited).</summary>
    public bool TryCancel(OutgoingPublish publish)
    {
        lock (_gate)
        {
            if (publish.PacketId != 0 || publish.InFlight)
            {
                return false;
            }

            for (var node = _cursor; node is not null; node = node.Next)
            {
                if (node.Value == publish)
                {
                    if (_cursor == node)
                    {
                        _cursor = node.Next;
                    }

                    _list.Remove(node);
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A new connection: everything unacknowledged is written again from the start, held until
    /// <see cref="Release"/> except what the connected handler publishes.
    /// </summary>
    public void Rewind(bool sessionPresent, int receiveMaximum)
    {
        lock (_gate)
        {
            _receiveMaximum = Math.Max(1, receiveMaximum);
            _inFlight = 0;
            _released = false;
            foreach (var publish in _list)
            {
                publish.Priority = false;
                publish.InFlight = false;
                if (publish.PacketId == 0)
                {
                    continue;
                }

                if (sessionPresent)
                {
                    publish.Dup = true;
                }
                else
                {
                    _byId.Remove(publish.PacketId);
                    _ids.Release(publish.PacketId);
                    publish.PacketId = 0;
                    publish.Dup = false;
                }
            }

            _cursor = _list.First;
        }
    }

    /// <summary>Lets queued publishes go (after the connected handler).</summary>
    public void Release()
    {
        lock (_gate)
        {
            _released = true;
        }

        Changed.Set();
    }

    /// <summary>Stops writing (connection lost).</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _released = false;
            _receiveMaximum = 0;
        }
    }

    /// <summary>An identifier for SUBSCRIBE/UNSUBSCRIBE, from the same pool as PUBLISH (§2.2.1).</summary>
    public ushort AllocateId()
    {
        lock (_gate)
        {
            return _ids.Allocate();
        }
    }

    public void ReleaseId(ushort id)
    {
        lock (_gate)
        {
            _ids.Release(id);
        }
    }

    /// <summary>Empties the queue (client stopped); returns what was pending so the caller can fail it.</summary>
    public IReadOnlyList<OutgoingPublish> Clear()
    {
        lock (_gate)
        {
            var all = _list.ToList();
            _list.Clear();
            _byId.Clear();
            _cursor = null;
            _inFlight = 0;
            foreach (var publish in all.Where(p => p.PacketId != 0))
            {
                _ids.Release(publish.PacketId);
            }

            return all;
        }
    }
}
