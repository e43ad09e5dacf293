package cn.henan.skills.unit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class UnitKindConverter implements AttributeConverter<UnitKind, String> {
  @Override
  public String convertToDatabaseColumn(UnitKind kind) {
    return kind == null ? null : kind.code();
  }

  @Override
  public UnitKind convertToEntityAttribute(String code) {
    return code == null ? null : UnitKind.fromCode(code)
        .orElseThrow(() -> new IllegalStateException("unknown unit kind in database: " + code));
  }
}
