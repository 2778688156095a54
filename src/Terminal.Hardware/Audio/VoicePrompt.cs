namespace Terminal.Hardware.Audio;

/// <summary>The spoken prompts of SPEC §3.4; each is one WAV file of the same name.</summary>
public enum VoicePrompt
{
    /// <summary><c>prompt.wav</c>: 您好，请您对我的服务做出评价 (a session is open).</summary>
    Prompt,

    /// <summary><c>thanks.wav</c>: 谢谢您的评价 (a rating was committed).</summary>
    Thanks,

    /// <summary><c>reason.wav</c>: 请选择不满意的原因 (a bad rating asks for a reason).</summary>
    Reason,
}
