package dev.ridgeline.engine.model;

/**
 * The attention block of a model.
 * <ul>
 * <li>{@code MLA}: multi-head latent attention (DeepSeek-V2 arXiv:2405.04434, V3 arXiv:2412.19437): one compressed
 * KV latent of {@code kvLoraRank} plus a decoupled RoPE key of {@code qkRopeHeadDim} is cached per token and
 * layer; queries are compressed to {@code qLoraRank} or, when it is 0, projected straight from the hidden state.</li>
 * <li>{@code GQA}: grouped-query attention (Ainslie et al., arXiv:2305.13245; Qwen3-MoE): {@code numHeads} query
 * heads share {@code numKeyValueHeads} key/value heads of {@code headDim}; K and V are cached per token and layer.</li>
 * </ul>
 */
public enum AttentionKind {
    MLA, GQA
}
